// Executors running in this process. Next.js bundles instrumentation and route handlers separately, so
// module state is not shared between them; globalThis is. The event API pokes these after accepting events.
interface Pokeable {
  poke(): void;
}

const holder = globalThis as unknown as { __copilotJobExecutors?: Set<Pokeable> };

function registry(): Set<Pokeable> {
  holder.__copilotJobExecutors ??= new Set();
  return holder.__copilotJobExecutors;
}

export function addLocalExecutor(executor: Pokeable): void {
  registry().add(executor);
}

export function removeLocalExecutor(executor: Pokeable): void {
  registry().delete(executor);
}

export function pokeLocalExecutors(): void {
  for (const executor of registry()) executor.poke();
}
