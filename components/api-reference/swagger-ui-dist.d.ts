/** The part of Swagger UI's bundle this page calls (the package ships no types). */
declare module 'swagger-ui-dist/swagger-ui-es-bundle.js' {
  type Options = {
    domNode: HTMLElement;
    url: string;
    validatorUrl: string | null;
    deepLinking?: boolean;
    tryItOutEnabled?: boolean;
    docExpansion?: 'list' | 'full' | 'none';
  };
  const SwaggerUI: (options: Options) => unknown;
  export default SwaggerUI;
}
