import type { CodeStepResult } from './auth.actions.ts';

/**
 * One two-factor step's form state (the code step, and the confirming code of an enrolment):
 * sends the typed code, then signs in, starts over, or shows why and clears the field for the
 * next code.
 */
export class CodeAttempt {
  code = $state('');
  problem = $state<string | null>(null);
  busy = $state(false);

  constructor(
    private readonly send: (code: string) => Promise<CodeStepResult>,
    private readonly on: {
      signedIn: () => void | Promise<void>;
      restart: (message: string | null) => void | Promise<void>;
      /** After a refusal: the field takes the next code. */
      retry: () => void;
    },
  ) {}

  submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    this.busy = true;
    this.problem = null;
    const result = await this.send(this.code);
    this.busy = false;
    if (result.ok) return this.on.signedIn();
    if (result.restart) return this.on.restart(result.message);
    this.problem = result.message;
    this.code = '';
    this.on.retry();
  };
}
