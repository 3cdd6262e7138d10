// Thin React wrappers for custom elements, for React 18 (and 19), in the manner of @lit/react's createComponent
// (what Shoelace ships for React < 19). React 18 renders every prop of a custom element as an attribute (an object
// becomes "[object Object]", false becomes "false") and has no JSX for custom events. A wrapper renders the element
// with the attribute props; after each render (a layout effect: before the element's first load, which waits a
// microtask) it sets the object props as properties and wires the on<Event> props (onBtalkAddressSaved ->
// 'btalk-address-saved') as listeners. React is passed in: this module imports nothing, and its logic
// (splitProps, ElementBinding) is tested in Node without a DOM.

/** The React prop of an event: 'btalk-address-saved' -> 'onBtalkAddressSaved'. */
export function eventProp(type) {
  return `on${type.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}`;
}

/**
 * Sorts a wrapper's props: element properties (set on the element), event handlers (listened to), the rest
 * (attributes, React's own: children, className, style, key...). A boolean attribute is present ('') or absent:
 * React 18 would write disabled={false} as disabled="false", which means disabled.
 * @param {object} props
 * @param {{ properties?: string[], events?: string[], booleans?: string[] }} spec
 * @returns {{ attributes: object, properties: object, handlers: Record<string, Function> }}
 */
export function splitProps(props, { properties = [], events = [], booleans = [] }) {
  const byProp = new Map(events.map((type) => [eventProp(type), type]));
  const out = { attributes: {}, properties: {}, handlers: {} };
  for (const [key, value] of Object.entries(props)) {
    if (properties.includes(key)) {
      if (value !== undefined) out.properties[key] = value;
    } else if (byProp.has(key)) {
      if (typeof value === 'function') out.handlers[byProp.get(key)] = value;
    } else if (booleans.includes(key)) {
      if (value) out.attributes[key] = '';
    } else {
      out.attributes[key] = value;
    }
  }
  return out;
}

/**
 * What a wrapper did to its element, so each render changes only what changed: a property is set when its value
 * differs from the one set last (a setter may reload: same value, no call), set to null once the prop is gone;
 * one listener per event type calls the latest handler.
 */
export class ElementBinding {
  #element = null;
  #values = new Map();
  #handlers = new Map();
  #listeners = new Map();

  /** Brings `element` in line with the props of this render (a new element starts from nothing). */
  apply(element, { properties, handlers }) {
    if (element !== this.#element) this.dispose();
    if (!element) return;
    this.#element = element;
    for (const [name, value] of Object.entries(properties)) {
      if (this.#values.has(name) && this.#values.get(name) === value) continue;
      element[name] = value;
      this.#values.set(name, value);
    }
    for (const name of [...this.#values.keys()]) {
      if (name in properties) continue;
      element[name] = null;
      this.#values.delete(name);
    }
    this.#handlers = new Map(Object.entries(handlers));
    for (const type of this.#handlers.keys()) {
      if (this.#listeners.has(type)) continue;
      const listener = (event) => this.#handlers.get(type)?.call(element, event);
      element.addEventListener(type, listener);
      this.#listeners.set(type, listener);
    }
    for (const [type, listener] of [...this.#listeners]) {
      if (this.#handlers.has(type)) continue;
      element.removeEventListener(type, listener);
      this.#listeners.delete(type);
    }
  }

  /** Removes the listeners (unmount, or another element). */
  dispose() {
    for (const [type, listener] of this.#listeners) this.#element?.removeEventListener(type, listener);
    this.#listeners.clear();
    this.#values.clear();
    this.#element = null;
  }
}

/**
 * A React component that renders `tagName`, for React 18 and 19.
 * @param {object} React the `react` module
 * @param {{ tagName: string, displayName?: string, properties?: string[], events?: string[], booleans?: string[] }} spec
 *   properties: props set as element properties; events: event types (each gets an on<Event> prop);
 *   booleans: boolean attributes
 */
export function createComponent(React, spec) {
  const { createElement, forwardRef, useCallback, useEffect, useLayoutEffect, useRef } = React;
  // On a server (SSR) no effect runs; useEffect there avoids React 18's useLayoutEffect warning.
  const useBrowserEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
  const Component = forwardRef(function BtalkElement(props, forwarded) {
    const element = useRef(null);
    const binding = useRef(null);
    binding.current ??= new ElementBinding();
    const { attributes, properties, handlers } = splitProps(props, spec);
    useBrowserEffect(() => { binding.current.apply(element.current, { properties, handlers }); });
    useBrowserEffect(() => () => binding.current.dispose(), []);
    const ref = useCallback((node) => {
      element.current = node;
      if (typeof forwarded === 'function') forwarded(node);
      else if (forwarded) forwarded.current = node;
    }, [forwarded]);
    return createElement(spec.tagName, { ...attributes, ref });
  });
  Component.displayName = spec.displayName ?? spec.tagName;
  return Component;
}
