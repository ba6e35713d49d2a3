import { connectorBuild } from '../../tsup.connector.js';

export default connectorBuild();
