import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/app-layout/src/vaadin-app-layout.js';
import '@vaadin/button/src/vaadin-button.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/icons/vaadin-iconset.js';
import '@vaadin/icon/src/vaadin-icon.js';
import '@vaadin/horizontal-layout/src/vaadin-horizontal-layout.js';
import '@vaadin/app-layout/src/vaadin-drawer-toggle.js';
import '@vaadin/side-nav/src/vaadin-side-nav.js';
import '@vaadin/side-nav/src/vaadin-side-nav-item.js';
import '@vaadin/notification/src/vaadin-notification.js';
import 'Frontend/generated/jar-resources/flow-component-renderer.js';
import 'Frontend/generated/jar-resources/flow-component-directive.js';
import '@vaadin/grid/src/vaadin-grid.js';
import '@vaadin/grid/src/vaadin-grid-column.js';
import '@vaadin/grid/src/vaadin-grid-sorter.js';
import '@vaadin/checkbox/src/vaadin-checkbox.js';
import 'Frontend/generated/jar-resources/gridConnector.ts';
import 'Frontend/generated/jar-resources/vaadin-grid-flow-selection-column.js';
import '@vaadin/grid/src/vaadin-grid-column-group.js';
import 'Frontend/generated/jar-resources/lit-renderer.ts';
import '@vaadin/context-menu/src/vaadin-context-menu.js';
import 'Frontend/generated/jar-resources/contextMenuConnector.js';
import 'Frontend/generated/jar-resources/contextMenuTargetConnector.js';
import '@vaadin/radio-group/src/vaadin-radio-group.js';
import '@vaadin/radio-group/src/vaadin-radio-button.js';
import '@vaadin/text-area/src/vaadin-text-area.js';
import '@vaadin/details/src/vaadin-details.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === 'd8dfcbd86e01189e6cd12150778704f2c5e39fc3fcd0094ab1da7e28eb68d45d') {
    pending.push(import('./chunks/chunk-614f6140c92970ecd0d840cfb8c382ee5cfe0d96b71d6d1e67a427e0e1049c20.js'));
  }
  if (key === '487d743b02c013af0d22d3c3214e88faa964b78705cc9a119b73c536cd0a9073') {
    pending.push(import('./chunks/chunk-e3d6410d4c2d4dc890b465c9d602050a97521dac81443cd3c8f432aead4d0f4d.js'));
  }
  if (key === '5a1ff98f6225555c28eae7b0679fcb38d22c1a6bb410ab4994a5cd15cd8d325a') {
    pending.push(import('./chunks/chunk-614f6140c92970ecd0d840cfb8c382ee5cfe0d96b71d6d1e67a427e0e1049c20.js'));
  }
  if (key === '03bdb154a89193f522641ca50244bfb0368f3a4907407291b4e4d1cc6c4af2c5') {
    pending.push(import('./chunks/chunk-e3d6410d4c2d4dc890b465c9d602050a97521dac81443cd3c8f432aead4d0f4d.js'));
  }
  return Promise.all(pending);
}

window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}