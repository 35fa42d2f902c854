'use client';

import { createContext, useContext } from 'react';
import { ENGLISH_MESSAGES, type Messages } from './messages';

/** The messages of whatever hosts the chart: English unless chart.js was given a language or messages. */
export const MessagesContext = createContext<Messages>(ENGLISH_MESSAGES);

export const useMessages = () => useContext(MessagesContext);
