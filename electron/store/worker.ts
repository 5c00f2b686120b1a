/// <reference lib="webworker" />
import { bufferedEndpoint, portEndpoint } from '../../shared/rpc/endpoint';
import { startStore } from './startStore';

// Browser mode: the store runs in this Dedicated Worker and serves CoreApi to the page.
const endpoint = bufferedEndpoint(portEndpoint(self as unknown as DedicatedWorkerGlobalScope));
void startStore(endpoint);
