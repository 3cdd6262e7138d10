// Keeps the wasm core replaceable. The core is built never to abort, but if an
// instance ever does (a RuntimeError such as "Aborted()", "unreachable" or
// "memory access out of bounds"), its memory may be corrupt: every later call
// could fail or, worse, answer wrongly. So the instance is dropped on the first
// throw and the next call runs on a fresh one, made synchronously from the
// WebAssembly.Module compiled at load time (the core API is synchronous).

/**
 * An Emscripten `instantiateWasm` hook that compiles the bytes itself and
 * hands the compiled module to `keep`, so it can be instantiated again later.
 * @param {() => Promise<BufferSource>} bytes where the .wasm comes from
 * @param {(module: WebAssembly.Module) => void} keep
 * @param {(error: unknown) => void} fail called when loading fails (Emscripten would wait forever)
 */
export function compileAndKeep(bytes, keep, fail) {
  return (imports, receive) => {
    (async () => {
      const module = await WebAssembly.compile(await bytes());
      keep(module);
      receive(await WebAssembly.instantiate(module, imports), module);
    })().catch(fail);
    return {};  // exports arrive later, through `receive`
  };
}

/**
 * Builds a fresh Emscripten module from an already compiled WebAssembly.Module,
 * synchronously: with a synchronous `instantiateWasm`, Emscripten's glue runs
 * its start-up (and embind's registrations) before `createModule` returns.
 * @returns {object} the ready Emscripten module
 */
export function instantiateNow(createModule, compiled, settings) {
  const module = {
    ...settings,
    instantiateWasm(imports, receive) {
      receive(new WebAssembly.Instance(compiled, imports), compiled);
      return {};
    },
  };
  createModule(module).catch(() => {});  // failures show below, synchronously
  if (typeof module.validateAddress !== 'function') throw new Error('the core did not start synchronously');
  return module;
}

/**
 * The current instance of one loaded core, replaced after it throws.
 * `restart` makes a new Emscripten module synchronously (or throws).
 */
export class CoreInstance {
  #module;
  #restart;

  constructor(module, restart) {
    this.#module = module;
    this.#restart = restart;
    /** How many times the instance was replaced (a compiled object made on an older one is stale). */
    this.generation = 0;
  }

  /** The live Emscripten module; builds a fresh one first when the last one was dropped. */
  get module() {
    if (!this.#module) {
      this.#module = this.#restart();
      this.generation += 1;
    }
    return this.#module;
  }

  /** Calls the core function `name`; on any throw the instance is dropped, then the error rethrown. */
  call(name, ...args) {
    const module = this.module;
    try {
      return module[name](...args);
    } catch (cause) {
      if (this.#module === module) this.#module = null;
      throw cause;
    }
  }
}
