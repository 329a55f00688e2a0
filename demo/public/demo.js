// Demo controls: two publisher looks (only --consent-* custom properties, see demo.css) and the
// manager's theme attribute. An external file, so the demo also runs under a strict CSP.
document.getElementById('demo-look').addEventListener('change', (event) => {
  document.documentElement.dataset.look = event.target.value;
});
document.getElementById('demo-theme').addEventListener('change', (event) => {
  document.querySelector('consent-manager')?.setAttribute('theme', event.target.value);
});
