// The part of vitest's API the portable suites use, for `deno test`: describe
// and test register Deno.test cases; expect is Jest's (vitest's is compatible),
// plus vitest's optional message argument.
import { expect as jestExpect } from 'expect';

/** The one Deno API used here (Deno's own types are not installed). */
declare const Deno: {
  test(definition: { name: string; ignore: boolean; fn: () => Promise<void> }): void;
};

type Body = () => unknown;
type Hook = () => unknown;

interface Scope {
  readonly title: string;
  readonly parent: Scope | undefined;
  readonly beforeEach: Hook[];
  readonly afterEach: Hook[];
}

const root: Scope = { title: '', parent: undefined, beforeEach: [], afterEach: [] };
let current = root;

function chain(scope: Scope): Scope[] {
  const scopes: Scope[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) scopes.unshift(s);
  return scopes;
}

function fullTitle(scope: Scope, title: string): string {
  return [...chain(scope).map((s) => s.title).filter((t) => t !== ''), title].join(' > ');
}

/** vitest's title formatting: printf-style placeholders for array rows, $name for object rows. */
function formatTitle(template: string, row: unknown, index: number): string {
  const args = Array.isArray(row) ? [...row] : [row];
  let title = template.replace(/%([sdifjo#%])/g, (match, kind: string) => {
    if (kind === '%') return '%';
    if (kind === '#') return String(index);
    if (args.length === 0) return match;
    const value = args.shift();
    if (kind === 'd' || kind === 'i') return String(kind === 'i' ? Math.trunc(Number(value)) : Number(value));
    if (kind === 'f') return String(Number(value));
    if (kind === 'j' || kind === 'o') return JSON.stringify(value);
    return typeof value === 'string' ? value : String(value);
  });
  if (row !== null && typeof row === 'object' && !Array.isArray(row)) {
    title = title.replace(/\$([A-Za-z_][\w.]*)/g, (match, path: string) => {
      let value: unknown = row;
      for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
      return value === undefined ? match : String(value);
    });
  }
  return title;
}

function register(title: string, body: Body, ignore: boolean): void {
  const scope = current;
  Deno.test({
    name: fullTitle(scope, title),
    ignore,
    async fn() {
      const scopes = chain(scope);
      for (const s of scopes) for (const hook of s.beforeEach) await hook();
      try {
        await body();
      } finally {
        for (const s of scopes.reverse()) for (const hook of s.afterEach) await hook();
      }
    },
  });
}

interface TestFunction {
  (title: string, body: Body, timeout?: number): void;
  skip(title: string, body: Body, timeout?: number): void;
  skipIf(condition: unknown): (title: string, body: Body, timeout?: number) => void;
  each<Row>(rows: readonly Row[]): (title: string, body: (...args: never[]) => unknown, timeout?: number) => void;
}

function each<Row>(define: (title: string, body: Body) => void) {
  return (rows: readonly Row[]) => (template: string, body: (...args: never[]) => unknown): void => {
    rows.forEach((row, index) => {
      const args = (Array.isArray(row) ? row : [row]) as never[];
      define(formatTitle(template, row, index), () => body(...args));
    });
  };
}

export const test: TestFunction = Object.assign(
  (title: string, body: Body) => register(title, body, false),
  {
    skip: (title: string, body: Body) => register(title, body, true),
    skipIf: (condition: unknown) => (title: string, body: Body) => register(title, body, Boolean(condition)),
    each: <Row>(rows: readonly Row[]) => each<Row>((title, body) => register(title, body, false))(rows),
  },
);
export const it = test;

interface DescribeFunction {
  (title: string, body: () => void): void;
  each<Row>(rows: readonly Row[]): (title: string, body: (...args: never[]) => void) => void;
}

function describeScope(title: string, body: () => void): void {
  const scope: Scope = { title, parent: current, beforeEach: [], afterEach: [] };
  current = scope;
  try {
    body();
  } finally {
    current = scope.parent!;
  }
}

export const describe: DescribeFunction = Object.assign(describeScope, {
  each: <Row>(rows: readonly Row[]) => each<Row>((title, body) => describeScope(title, body as () => void))(rows),
});

export function beforeEach(hook: Hook): void {
  current.beforeEach.push(hook);
}

export function afterEach(hook: Hook): void {
  current.afterEach.push(hook);
}

type Matchers = ReturnType<typeof jestExpect>;

/** Matchers whose failures start with `message`, as vitest's expect(value, message) reports them. */
function withMessage<T extends object>(target: T, message: string): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof value === 'function') {
        return (...args: unknown[]) => {
          const prefix = (error: unknown): never => {
            if (error instanceof Error) error.message = `${message}: ${error.message}`;
            throw error;
          };
          try {
            const result: unknown = value.apply(object, args);
            return result instanceof Promise ? result.catch(prefix) : result;
          } catch (error) {
            return prefix(error);
          }
        };
      }
      return value !== null && typeof value === 'object' ? withMessage(value, message) : value;
    },
  });
}

export const expect = Object.assign(
  (actual: unknown, message?: string): Matchers => (message === undefined ? jestExpect(actual) : withMessage(jestExpect(actual), message)),
  jestExpect,
);
