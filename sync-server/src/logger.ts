/** Server-side log lines. Never sent to a device; never contains patient data or passwords. */
export type Logger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

export function createConsoleLogger(): Logger {
  const line = (message: string, fields?: Record<string, unknown>) =>
    fields ? `${message} ${JSON.stringify(fields)}` : message;
  return {
    info: (message, fields) => console.log(line(message, fields)),
    warn: (message, fields) => console.warn(line(message, fields)),
    error: (message, fields) => console.error(line(message, fields)),
  };
}

export function createSilentLogger(): Logger {
  const ignore = () => {};
  return { info: ignore, warn: ignore, error: ignore };
}
