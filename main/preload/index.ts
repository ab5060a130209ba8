// Preload (sandboxed): exposes window.kura = { invoke, subscribe } and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeKura } from './bridge';

exposeKura(contextBridge, ipcRenderer);
