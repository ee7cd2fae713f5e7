// Loader of the atlas's three Streamlit components (ui/atlas_component.py sends this text
// inline, after a line that sets KIND to "map", "summary" or "detail"). Streamlit calls the
// default export at mount and again whenever the element's data changes; the drawing code
// (static/atlas/atlas.js) keeps one map, summary or detail per element, so a new call updates
// it in place.

const loads = window.__atlasLoads || (window.__atlasLoads = new Map());

/** Load a classic script once per page; scripts run in the order they were asked for. */
function loadScript(url) {
  if (!loads.has(url)) {
    loads.set(
      url,
      new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = url;
        script.async = false; // insertion order: atlas.js, Leaflet, then its plugins
        script.onload = resolve;
        script.onerror = () => {
          loads.delete(url);
          reject(new Error("Chargement impossible : " + url));
        };
        document.head.appendChild(script);
      }),
    );
  }
  return loads.get(url);
}

/** Add a stylesheet to the component's root (a shadow root: page styles do not reach it). */
function loadStyle(root, url) {
  const present = Array.from(root.querySelectorAll("link[data-atlas]")).find(
    (link) => link.dataset.atlas === url,
  );
  if (present) {
    return present.atlasLoaded;
  }
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = url;
  link.dataset.atlas = url;
  link.atlasLoaded = new Promise((resolve) => {
    link.onload = resolve;
    link.onerror = resolve; // an unstyled map is better than none
  });
  root.appendChild(link);
  return link.atlasLoaded;
}

export default async function (component) {
  const { data, parentElement, setTriggerValue } = component;
  // A session's first run sends the map alone; the rest of the page is asked for once the
  // regions are painted (the next frame), or once the map has failed: never left waiting.
  const announce = () => {
    if (KIND === "map" && data.announce_drawn) {
      requestAnimationFrame(() => setTimeout(() => setTriggerValue("drawn", true), 0));
    }
  };
  const { scripts, styles } = data.assets;
  // scripts: atlas.js, then (the map) Leaflet, then what only the base map and the catalyser
  // clusters need: the regions are drawn once Leaflet is there, the rest follows.
  const all = Promise.all(scripts.map(loadScript));
  all.catch(() => {}); // the map reports a failure once it awaits them (AtlasMap.apply)
  try {
    await loadScript(scripts[0]); // atlas.js: starts fetching the contours while Leaflet loads
    window.Atlas.prefetch(data);
    await Promise.all([
      ...scripts.slice(0, 2).map(loadScript),
      ...styles.map((url) => loadStyle(parentElement, url)),
    ]);
  } catch (error) {
    announce();
    throw error;
  }
  if (KIND === "map") {
    const cleanup = window.Atlas.renderMap(
      parentElement,
      data,
      (value) => setTriggerValue("select", value),
      all,
    );
    window.Atlas.whenDrawn(parentElement).then(announce);
    return cleanup;
  }
  if (KIND === "detail") {
    return window.Atlas.renderDetail(parentElement, data, setTriggerValue);
  }
  return window.Atlas.renderSummary(parentElement, data);
}
