/// <reference lib="webworker" />
// The naive transport: a bare postMessage echo, no envelope, no validation, no store.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event) => scope.postMessage(event.data);
