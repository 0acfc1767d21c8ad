// leaflet.markercluster extends the global `L`; this module runs first so that it exists.
import L from 'leaflet';

(window as unknown as { L: typeof L }).L = L;

export default L;
