CREATE TABLE "channel_objects" (
	"event_id" integer NOT NULL,
	"label" text NOT NULL,
	"channel_key" text NOT NULL,
	CONSTRAINT "channel_objects_event_id_label_pk" PRIMARY KEY("event_id","label")
);
--> statement-breakpoint
CREATE TABLE "charts" (
	"id" serial PRIMARY KEY NOT NULL,
	"workspace_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"definition" text NOT NULL,
	"draft" text,
	"archived" boolean DEFAULT false NOT NULL,
	"tags" text DEFAULT '[]' NOT NULL,
	"created_at" bigint DEFAULT (extract(epoch from clock_timestamp()) * 1000)::bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_admin_key" (
	"id" serial PRIMARY KEY NOT NULL,
	"key_hash" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_channels" (
	"event_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"color" text,
	"index" integer,
	"position" integer NOT NULL,
	CONSTRAINT "event_channels_event_id_key_pk" PRIMARY KEY("event_id","key")
);
--> statement-breakpoint
CREATE TABLE "event_objects" (
	"event_id" integer NOT NULL,
	"label" text NOT NULL,
	"status" text DEFAULT 'free' NOT NULL,
	"hold_token" text,
	"order_id" text,
	"ticket_type" text,
	"extra_data_id" integer,
	"for_sale" boolean DEFAULT true NOT NULL,
	CONSTRAINT "event_objects_event_id_label_pk" PRIMARY KEY("event_id","label")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" serial PRIMARY KEY NOT NULL,
	"workspace_id" integer NOT NULL,
	"chart_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text,
	"date" text,
	"pricing" text,
	"checkout_mode" text DEFAULT 'handoff' NOT NULL,
	"checkout_url" text,
	"max_places_per_order" integer DEFAULT 10 NOT NULL,
	"hold_minutes" integer DEFAULT 15 NOT NULL,
	"max_hold_minutes" integer DEFAULT 30 NOT NULL,
	"chart_config" text,
	"custom_statuses" text,
	"seq" integer DEFAULT 0 NOT NULL,
	"created_at" bigint DEFAULT (extract(epoch from clock_timestamp()) * 1000)::bigint NOT NULL,
	"updated_at" bigint
);
--> statement-breakpoint
CREATE TABLE "extra_data" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"json" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ga_allocations" (
	"event_id" integer NOT NULL,
	"label" text NOT NULL,
	"status" text NOT NULL,
	"hold_token" text DEFAULT '' NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "ga_allocations_event_id_label_status_hold_token_pk" PRIMARY KEY("event_id","label","status","hold_token")
);
--> statement-breakpoint
CREATE TABLE "hold_tokens" (
	"token" text PRIMARY KEY NOT NULL,
	"workspace_id" integer NOT NULL,
	"event_id" integer,
	"client" text,
	"expires_at" bigint NOT NULL,
	"expired" boolean DEFAULT false NOT NULL,
	"created_at" bigint DEFAULT (extract(epoch from clock_timestamp()) * 1000)::bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organiser_credentials" (
	"id" serial PRIMARY KEY NOT NULL,
	"password_hash" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organiser_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"label" text NOT NULL,
	"status" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"hold_token" text,
	"order_id" text,
	"extra_data_id" integer,
	"origin" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"delivery_id" integer NOT NULL,
	"at" bigint NOT NULL,
	"response_status" integer,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"subscription_id" text NOT NULL,
	"message_id" text NOT NULL,
	"type" text NOT NULL,
	"payload" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"created_at" bigint NOT NULL,
	"delivered_at" bigint
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" integer NOT NULL,
	"url" text NOT NULL,
	"events" text NOT NULL,
	"description" text,
	"secret" text NOT NULL,
	"previous_secret" text,
	"previous_secret_until" bigint,
	"enabled" boolean DEFAULT true NOT NULL,
	"failing_since" bigint,
	"disabled_reason" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"secret_key" text NOT NULL,
	"order_access_key" text,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"is_test" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" bigint DEFAULT (extract(epoch from clock_timestamp()) * 1000)::bigint NOT NULL,
	CONSTRAINT "workspaces_key_unique" UNIQUE("key"),
	CONSTRAINT "workspaces_secret_key_unique" UNIQUE("secret_key")
);
--> statement-breakpoint
ALTER TABLE "channel_objects" ADD CONSTRAINT "channel_objects_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charts" ADD CONSTRAINT "charts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_channels" ADD CONSTRAINT "event_channels_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_objects" ADD CONSTRAINT "event_objects_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_chart_id_charts_id_fk" FOREIGN KEY ("chart_id") REFERENCES "public"."charts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extra_data" ADD CONSTRAINT "extra_data_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ga_allocations" ADD CONSTRAINT "ga_allocations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hold_tokens" ADD CONSTRAINT "hold_tokens_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hold_tokens" ADD CONSTRAINT "hold_tokens_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_objects_channel" ON "channel_objects" USING btree ("event_id","channel_key");--> statement-breakpoint
CREATE UNIQUE INDEX "charts_workspace_key" ON "charts" USING btree ("workspace_id","key");--> statement-breakpoint
CREATE INDEX "event_objects_hold_token" ON "event_objects" USING btree ("hold_token");--> statement-breakpoint
CREATE INDEX "event_objects_order" ON "event_objects" USING btree ("event_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_workspace_key" ON "events" USING btree ("workspace_id","key");--> statement-breakpoint
CREATE INDEX "extra_data_event" ON "extra_data" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "ga_allocations_hold_token" ON "ga_allocations" USING btree ("hold_token");--> statement-breakpoint
CREATE INDEX "hold_tokens_pending_expiry" ON "hold_tokens" USING btree ("expired","expires_at");--> statement-breakpoint
CREATE INDEX "hold_tokens_by_client" ON "hold_tokens" USING btree ("client");--> statement-breakpoint
CREATE INDEX "organiser_sessions_expiry" ON "organiser_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "status_changes_event_seq" ON "status_changes" USING btree ("event_id","seq");--> statement-breakpoint
CREATE INDEX "status_changes_event_label" ON "status_changes" USING btree ("event_id","label");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery" ON "webhook_attempts" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_subscription" ON "webhook_deliveries" USING btree ("subscription_id","id");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_workspace" ON "webhook_subscriptions" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "workspaces_default" ON "workspaces" USING btree ("is_default");