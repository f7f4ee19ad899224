/** The record picker and the task form, loaded when a command first needs one (dist/pickers.lazy.js). */
export { pickRecord } from './recordPicker';
export { createTaskFlow } from './taskForm';
