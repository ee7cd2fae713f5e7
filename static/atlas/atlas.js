/*
 * Atlas des fragilités territoriales: the map and the profile (summary and detail), drawn in the
 * browser.
 *
 * One classic script (global `Atlas`), used by the two Streamlit components of
 * ui/atlas_component.py and by the offline HTML export (layers/render/map_page.py), so that the
 * exported page draws exactly like the screen. Needs Leaflet (global `L`); the catalyser
 * markers also need Leaflet.markercluster. Everything is served by the app itself: no request
 * leaves the machine.
 *
 * Data flow (see ui/atlas_component.py):
 * - the region contours of a level come once, as a static JSON file kept in this page; a
 *   layer, measure or level switch only sends colours and labels, recoloured in place
 *   (the map is never re-mounted: zoom and pan are kept);
 * - a click on a region is handled here first: outline drawn, the region's pre-rendered
 *   summary shown, then the click is sent to Python at once (no debounce);
 * - the selection can also come from Python (URL, "Fermer le profil", level switch): each
 *   click carries a sequence number that Python echoes, so that a server answer older than
 *   the latest click never undoes it.
 *
 * Text from data is never parsed as HTML here: tooltips are built with textContent. The only
 * HTML strings inserted (summaries, marker popups) are built and escaped by Python.
 */
(function () {
  "use strict";
  if (window.Atlas) {
    return;
  }

  /* ------------------------------------------------------------------ shared helpers */

  const jsonCache = window.__atlasJson || (window.__atlasJson = new Map());

  /** The JSON at `url`, fetched once per page (the promise is shared). */
  function getJson(url) {
    if (!jsonCache.has(url)) {
      const request = fetch(url).then((response) => {
        if (!response.ok) {
          throw new Error("HTTP " + response.status + " pour " + url);
        }
        return response.json();
      });
      request.catch(() => jsonCache.delete(url));
      jsonCache.set(url, request);
    }
    return jsonCache.get(url);
  }

  /** `spec` is a URL (fetched once) or the data itself (the offline export inlines it). */
  function resolve(spec) {
    return typeof spec === "string" ? getJson(spec) : Promise.resolve(spec);
  }

  /** Resolves once the browser has painted what is in the page now (or after 100 ms, as a
   *  hidden tab paints nothing). */
  function afterPaint() {
    return new Promise((done) => {
      requestAnimationFrame(() => setTimeout(done, 0));
      setTimeout(done, 100);
    });
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /* ------------------------------------------------------------------ selection channel */

  // The map and the summary are two elements of the page; a channel keeps them in step.
  const channels = new Map();

  function channel(name) {
    let ch = channels.get(name);
    if (!ch) {
      ch = {
        name: name,
        selection: null, // {level, code, source: "client" | "server"}
        map: null,
        listeners: new Set(),
        subscribe(listener) {
          this.listeners.add(listener);
          if (this.selection) {
            listener(this.selection);
          }
          return () => this.listeners.delete(listener);
        },
        publish(selection) {
          this.selection = selection;
          this.listeners.forEach((listener) => listener(selection));
        },
        /** Select a region as a map click does (entry point for a list or a keyboard path). */
        select(level, code) {
          if (this.map) {
            this.map.clientSelect(level, code);
          }
        },
        /** Close the profile ("Fermer le profil"): no region selected, Python told as for a
         *  click (same sequence numbers). */
        clear() {
          if (this.map) {
            this.map.clientClear();
          }
        },
      };
      channels.set(name, ch);
    }
    return ch;
  }

  /* ------------------------------------------------------------------ the map */

  const PANES = {
    // z-index of each pane; Leaflet's own: overlay 400, marker 600, tooltip 650, popup 700.
    // The base map (static/atlas/basemap.js) draws land and sea in the tile pane (200), under
    // the regions, and its lines and names in a pane at 450, above them, with no pointer
    // events; the search circle and the markers are above the names, so never covered.
    atlasSelection: 420,
    atlasSearch: 500,
    atlasMarkers: 610,
  };

  const maps = new Set();
  const mapsByParent = new WeakMap();

  class AtlasMap {
    constructor(parent, data, send, extras) {
      this.parent = parent;
      this.send = send;
      // The scripts only the base map and the catalyser clusters need: the regions are drawn
      // without waiting for them (a first paint sooner, docs/benchmarks.md).
      this.extras = extras || Promise.resolve();
      this.data = null;
      this.level = null;
      this.geometrySpec = null;
      this.regions = null; // L.GeoJSON of the current level
      this.layers = new Map(); // code -> polygon layer
      this.styles = {}; // code -> [colour, value label]
      this.selected = "";
      this.outline = null;
      this.clickSeq = 0;
      this.markerKey = null;
      this.clusters = [];
      this.searchKey = null;
      this.search = null;
      this.focusKey = null;
      this.basemapHandle = null;
      this.basemapKey = null;
      this.basemapPlace = null;
      this.searchDot = null;
      this.queue = Promise.resolve();
      this.latest = null;
      // Resolved once the regions are drawn (or the map failed): the first paint is over.
      this.drawn = new Promise((resolve) => {
        this.markDrawn = resolve;
      });

      this.container = element("div", "atlas-map");
      this.container.style.height = (data.height || 620) + "px";
      parent.appendChild(this.container);
      const map = L.map(this.container, {
        minZoom: 4,
        maxZoom: 12,
        zoomSnap: 0.25,
        zoomDelta: 0.5,
        preferCanvas: false,
      });
      this.map = map;
      Object.entries(PANES).forEach(([name, z]) => {
        const pane = map.createPane(name);
        pane.style.zIndex = String(z);
        if (name !== "atlasMarkers") {
          pane.style.pointerEvents = "none";
        }
      });
      this.markerRenderer = L.svg({ pane: "atlasMarkers" });
      // Leaflet focuses the map as a button goes down, then restores the window's scroll; but
      // Streamlit's page scrolls in an element, so a map partly below the fold jumped into view
      // between press and release, and the click was lost. Focusing it first, without
      // scrolling, leaves Leaflet nothing to do (it focuses only a map that is not focused).
      this.container.addEventListener(
        "pointerdown",
        () => this.container.focus({ preventScroll: true }),
        true,
      );
      this.previewing = null; // {previous} while a button is down on a region
      this.serverSeq = 0;
      map.on("dragstart", () => this.cancelPreview());
      map.on("mouseup", () => {
        if (this.previewing) {
          setTimeout(() => this.cancelPreview(), 0); // no click followed: not a selection
        }
      });
      L.control.scale({ imperial: false }).addTo(map);
      map.fitBounds(data.bounds, { padding: [8, 8] });
      this.resize = new ResizeObserver(() => map.invalidateSize());
      this.resize.observe(this.container);
      this.channel = channel(data.channel || "atlas");
      this.channel.map = this;
      maps.add(this);
    }

    /** Apply a payload; payloads are applied in order, and only the latest one queued. */
    update(data, send) {
      if (send) {
        this.send = send;
      }
      this.latest = data;
      this.queue = this.queue
        .then(() => (this.latest === data ? this.apply(data) : null))
        .catch((error) => {
          this.showError(error);
          this.markDrawn();
        });
      return this.queue;
    }

    async apply(data) {
      this.data = data;
      // Streamlit's page declares <html lang="en"> whatever it shows; the map runs in the page
      // (no iframe), so it states the language its texts are in (RGAA 8.3).
      if (data.lang) {
        document.documentElement.lang = data.lang;
      }
      // The map's accessible name: what it shows, in the page's language.
      this.container.setAttribute("role", "region");
      this.container.setAttribute("aria-label", data.label || data.value_title || "");
      const newRegions = data.geometry !== this.geometrySpec;
      if (newRegions) {
        await this.setGeometry(data);
      }
      this.recolour(data.regions || {});
      if ((data.seq === undefined || data.seq >= this.clickSeq) && !this.previewing) {
        this.clickSeq = Math.max(this.clickSeq, data.seq || 0);
        this.serverSeq = this.clickSeq;
        this.setSelection(data.selected || "", "server");
      }
      this.setSearch(data.circle || null);
      this.setFocus(data.focus || null);
      this.markDrawn();
      if (newRegions) {
        await afterPaint(); // new regions are painted first, the base map under them next
      }
      await this.extras; // the base map's and the markers' scripts
      this.basemap(data.basemap);
      this.labelPlace();
      this.container.dataset.ready = "true";
      await this.setMarkers(data.markers || null);
    }

    async setGeometry(data) {
      const geometry = await resolve(data.geometry);
      const style = data.style;
      const layers = new Map();
      const regions = L.geoJSON(geometry, {
        style: () => ({
          fillColor: style.no_data,
          fillOpacity: style.fill_opacity,
          color: style.line,
          weight: style.weight,
        }),
        onEachFeature: (feature, layer) => {
          const code = feature.properties.code;
          layers.set(code, layer);
          layer.bindTooltip(() => this.tooltip(feature), {
            sticky: true,
            direction: "auto",
            className: "atlas-tooltip",
          });
          layer.on("mouseover", () => layer.setStyle({ weight: style.hover_weight, color: style.hover }));
          layer.on("mouseout", () => layer.setStyle({ weight: style.weight, color: style.line }));
          // The summary shows as the button goes down; the click (no drag) confirms it.
          layer.on("mousedown", () => this.preview(code));
          layer.on("click", (event) => {
            L.DomEvent.stopPropagation(event);
            this.clientSelect(this.level, code);
          });
        },
      });
      regions.addTo(this.map); // the new level is drawn before the old one goes: no blank frame
      if (this.regions) {
        this.map.removeLayer(this.regions);
      }
      this.regions = regions;
      this.layers = layers;
      this.level = data.level;
      this.geometrySpec = data.geometry;
      this.selected = "";
      this.drawOutline();
    }

    tooltip(feature) {
      const data = this.data;
      const code = feature.properties.code;
      const box = element("div", "atlas-tip");
      const name = element("div", "atlas-tip-name", feature.properties.nom);
      box.appendChild(name);
      const style = this.styles[code];
      box.appendChild(element("div", "atlas-tip-label", data.value_title));
      box.appendChild(element("div", "atlas-tip-value", style ? style[1] : data.no_data_label));
      return box;
    }

    recolour(styles) {
      this.styles = styles;
      const fallback = this.data.style.no_data;
      this.layers.forEach((layer, code) => {
        const style = styles[code];
        layer.setStyle({ fillColor: style ? style[0] : fallback });
      });
    }

    /** Button down on a region: outline and summary at once, before the button is released. */
    preview(code) {
      if (code === this.selected && !this.previewing) {
        return;
      }
      if (!this.previewing) {
        this.previewing = { previous: this.selected };
      }
      this.setSelection(code, "client");
    }

    /** The press became a drag (or ended off the region): show the selection as it was. */
    cancelPreview() {
      if (!this.previewing) {
        return;
      }
      const previous = this.previewing.previous;
      this.previewing = null;
      this.setSelection(previous, "server");
    }

    /** A click on the map (or a list choice in the page): answer at once, then tell Python. */
    clientSelect(level, code) {
      if (level !== this.level || !this.layers.has(code)) {
        return;
      }
      const fresh = this.previewing !== null || code !== this.selected;
      this.previewing = null;
      if (!fresh && this.clickSeq === this.serverSeq) {
        return; // already selected, and the server knows it
      }
      this.clickSeq += 1;
      const seq = this.clickSeq;
      if (this.send) {
        // Sent first: Streamlit flushes it on its next task, before our redraw below.
        this.send({ level: level, code: code, seq: seq });
      }
      if (code !== this.selected) {
        setTimeout(() => {
          if (this.clickSeq === seq) {
            this.setSelection(code, "client");
          }
        }, 0);
      }
    }

    /** "Fermer le profil": the selection goes at once, then Python is told. */
    clientClear() {
      this.previewing = null;
      if (!this.selected && this.clickSeq === this.serverSeq) {
        return;
      }
      this.clickSeq += 1;
      if (this.send) {
        this.send({ level: this.level, code: "", seq: this.clickSeq });
      }
      this.setSelection("", "client");
    }

    setSelection(code, source) {
      const changed = code !== this.selected;
      this.selected = code;
      if (changed) {
        this.drawOutline();
      }
      const current = this.channel.selection;
      if (
        changed ||
        !current ||
        current.level !== this.level ||
        current.code !== code ||
        (source === "client" && current.source !== "client")
      ) {
        this.channel.publish({ level: this.level, code: code, source: source });
      }
    }

    drawOutline() {
      if (this.outline) {
        this.map.removeLayer(this.outline);
        this.outline = null;
      }
      const layer = this.selected ? this.layers.get(this.selected) : null;
      if (!layer) {
        this.container.dataset.selected = "";
        return;
      }
      const style = this.data.style;
      this.outline = L.geoJSON(layer.feature, {
        pane: "atlasSelection",
        interactive: false,
        style: () => ({ color: style.selected, weight: style.selected_weight, fill: false }),
      }).addTo(this.map);
      this.container.dataset.selected = this.selected;
    }

    setSearch(circle) {
      const key = circle ? JSON.stringify(circle) : null;
      if (key === this.searchKey) {
        return;
      }
      this.searchKey = key;
      if (this.search) {
        this.map.removeLayer(this.search);
        this.search = null;
        this.searchDot = null;
      }
      if (!circle) {
        return;
      }
      const centre = [circle.lat, circle.lon];
      const ring = L.circle(centre, {
        radius: circle.radius_m,
        pane: "atlasSearch",
        interactive: false,
        color: circle.colour,
        weight: 2,
        dashArray: "6 4",
        fill: true,
        fillOpacity: 0.04,
      });
      const dot = L.circleMarker(centre, {
        radius: 5,
        pane: "atlasMarkers",
        renderer: this.markerRenderer,
        color: "#ffffff",
        weight: 2,
        fill: true,
        fillColor: circle.colour,
        fillOpacity: 1,
      });
      this.searchDot = dot; // its tooltip: see labelPlace()
      this.search = L.layerGroup([ring, dot]).addTo(this.map);
    }

    setFocus(focus) {
      const key = focus ? focus.key : null;
      if (key && key !== this.focusKey) {
        this.map.setView([focus.lat, focus.lon], focus.zoom);
      }
      this.focusKey = key;
    }

    async setMarkers(spec) {
      const key = spec ? JSON.stringify([spec.url, spec.visible, spec.highlight]) : null;
      if (key === this.markerKey) {
        return;
      }
      const rows = spec ? await resolve(spec.url) : null;
      this.clusters.forEach((cluster) => this.map.removeLayer(cluster));
      this.clusters = [];
      this.markerKey = key;
      if (!spec) {
        return;
      }
      const visible = spec.visible ? new Set(spec.visible) : null;
      const highlight = new Set(spec.highlight || []);
      const lit = spec.highlight_style;
      const plain = L.markerClusterGroup({ showCoverageOnHover: false });
      const found = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 12 });
      rows.forEach((row, id) => {
        if (visible && !visible.has(id)) {
          return;
        }
        const on = highlight.has(id);
        const marker = L.circleMarker([row.lat, row.lon], {
          pane: "atlasMarkers",
          renderer: this.markerRenderer,
          radius: row.r + (on ? lit.extra_radius : 0),
          color: on ? lit.line : row.line,
          weight: on ? lit.weight : row.w,
          dashArray: row.dash || null,
          fill: true,
          fillColor: row.fill,
          fillOpacity: row.op,
        });
        marker.bindPopup(row.popup, { maxWidth: 320 });
        marker.bindTooltip(row.tip, { sticky: true });
        marker.atlasTip = row.tip;
        (on ? found : plain).addLayer(marker);
      });
      [plain, found].forEach((cluster) => {
        if (cluster.getLayers().length) {
          cluster.addTo(this.map);
          this.clusters.push(cluster);
        }
      });
    }

    /**
     * The base map (static/atlas/basemap.js), when the page loaded it and Python asks for it:
     * `{options}` for the PMTiles archives, `{light, options}` for the light GeoJSON one (a
     * page opened from disk), null for none. Switched on and off in place: the map stays.
     */
    basemap(spec) {
      const api = window.AtlasBasemap;
      const options = (spec && spec.options) || {};
      const key = spec && api ? JSON.stringify([options, !!spec.light]) : null;
      if (key === this.basemapKey) {
        return;
      }
      if (this.basemapHandle) {
        if (this.basemapPlace) {
          this.basemapHandle.setPlace(null); // the name is kept by basemap.js, not by the layer
        }
        this.basemapHandle.remove();
        this.basemapHandle = null;
        this.basemapPlace = null;
      }
      this.basemapKey = key;
      if (key) {
        const handle = spec.light
          ? api.addLight(this.map, spec.light, options)
          : api.add(this.map, options);
        this.basemapHandle = handle || null;
      }
      const kind = spec && spec.light ? "light" : "tiles";
      this.container.dataset.basemap = this.basemapHandle ? kind : "none";
    }

    /**
     * The searched commune stays written on the map: the base map writes its name first (its
     * own label, above everything else there); without a base map, its centre's tooltip stays
     * open.
     */
    labelPlace() {
      const circle = this.data && this.data.circle;
      const place = circle ? circle.place : null;
      const handle = this.basemapHandle;
      if (handle && place !== this.basemapPlace) {
        handle.setPlace(place);
        this.basemapPlace = place;
      }
      if (this.searchDot) {
        const permanent = !handle && !!place;
        const tip = this.searchDot.getTooltip();
        if (!tip || tip.options.permanent !== permanent) {
          this.searchDot.unbindTooltip();
          const text = permanent ? place : circle.label;
          this.searchDot.bindTooltip(
            element("span", "", text),
            permanent ? { permanent: true, direction: "top", offset: [0, -7] } : { sticky: true },
          );
        }
      }
    }

    showError(error) {
      console.error("Atlas map:", error);
      let box = this.parent.querySelector(".atlas-error");
      if (!box) {
        box = element("p", "atlas-error");
        box.setAttribute("role", "alert");
        this.parent.appendChild(box);
      }
      const prefix = (this.latest && this.latest.error_prefix) || "La carte n'a pas pu être dessinée :";
      box.textContent = prefix + " " + error.message;
    }

    destroy() {
      this.resize.disconnect();
      this.map.remove();
      this.container.remove();
      if (this.channel.map === this) {
        this.channel.map = null;
      }
      maps.delete(this);
    }

    /* Read-outs for tests and benchmarks (no effect on the map). */

    /** Page coordinates of a (lat, lon) point, e.g. a point inside a region to click. */
    pagePoint(lat, lon) {
      const point = this.map.latLngToContainerPoint([lat, lon]);
      const rect = this.container.getBoundingClientRect();
      return { x: rect.left + point.x, y: rect.top + point.y };
    }

    fills() {
      const out = {};
      this.layers.forEach((layer, code) => {
        out[code] = layer.options.fillColor;
      });
      return out;
    }

    view() {
      const c = this.map.getCenter();
      return { zoom: this.map.getZoom(), lat: c.lat, lon: c.lng };
    }

    markerTips() {
      const tips = [];
      this.clusters.forEach((cluster) => cluster.getLayers().forEach((m) => tips.push(m.atlasTip)));
      return tips;
    }
  }

  /** Resolves once the map drawn in `parent` shows its regions (or has failed to). */
  function whenDrawn(parent) {
    const instance = mapsByParent.get(parent);
    return instance ? instance.drawn : Promise.resolve();
  }

  /**
   * Draw or update the map in `parent` (a component's element or any page element).
   * `send(value)` receives the clicks ({level, code, seq}); `extras` (optional) resolves once
   * the base map's and the clusters' scripts are loaded. Returns a cleanup function.
   */
  function renderMap(parent, data, send, extras) {
    let instance = mapsByParent.get(parent);
    if (!instance) {
      instance = new AtlasMap(parent, data, send, extras);
      mapsByParent.set(parent, instance);
    }
    instance.update(data, send);
    return () => {
      instance.destroy();
      mapsByParent.delete(parent);
    };
  }

  /* ------------------------------------------------------------------ the profile */

  /**
   * A part of the profile that shows the region selected on the channel (the summary, the
   * detail): redrawn when the selection changes, or its data (a new `key`). A subclass draws
   * in `show(selection)`, keeping `this.shown` to skip what it already shows.
   */
  class SelectionView {
    constructor(data) {
      this.data = data;
      this.shown = null;
      this.channel = channel(data.channel || "atlas");
      this.unsubscribe = null;
    }

    /** Called once the subclass is built: the channel may call `show` at once. */
    listen() {
      this.unsubscribe = this.channel.subscribe((selection) => this.show(selection));
    }

    update(data) {
      const changed = !this.data || this.data.key !== data.key;
      this.data = data;
      this.received(data);
      if (changed || this.shown === null) {
        this.shown = null;
        this.show(this.channel.selection);
      }
    }

    /** New data arrived (before any redraw). */
    received(data) {}

    /** The unit code the view shows for `selection`, "" for none (another level, none). */
    codeOf(selection) {
      return selection && selection.level === this.data.level ? selection.code : "";
    }

    destroy() {
      if (this.unsubscribe) {
        this.unsubscribe();
      }
    }
  }

  /** One view per Streamlit element (`parent`), made by `create()` then updated with `data`;
   *  returns the element's cleanup. */
  function mountView(views, parent, create, data) {
    let view = views.get(parent);
    if (!view) {
      view = create();
      view.listen();
      views.set(parent, view);
    }
    view.update(data);
    return () => {
      view.destroy();
      views.delete(parent);
    };
  }

  const summariesByParent = new WeakMap();

  /** The rule that greys the detailed profile (Streamlit elements) until it shows `selection`. */
  function markStale(prefix, selection) {
    let rule = document.getElementById("atlas-stale-rule");
    if (!rule) {
      rule = document.createElement("style");
      rule.id = "atlas-stale-rule";
      document.head.appendChild(rule);
    }
    if (!selection || !selection.code) {
      rule.textContent = "";
      return;
    }
    const current = CSS.escape("st-key-" + prefix + selection.level + "_" + selection.code);
    rule.textContent =
      '[class*="st-key-' + prefix + '"]:not(.' + current + ")" +
      "{opacity:0.35;filter:grayscale(1);pointer-events:none;transition:opacity 0.1s}";
  }

  class AtlasSummary extends SelectionView {
    constructor(parent, data) {
      super(data);
      this.host = element("div", "atlas-summary-host");
      this.status = element("p", "atlas-visually-hidden");
      this.status.setAttribute("aria-live", "polite");
      parent.appendChild(this.status);
      parent.appendChild(this.host);
    }

    show(selection) {
      const data = this.data;
      const code = this.codeOf(selection);
      const html = code ? data.summaries[code] : undefined;
      const shown = html === undefined ? "" : data.level + "/" + code;
      if (shown !== this.shown) {
        this.shown = shown;
        if (html === undefined) {
          this.host.replaceChildren(element("p", "atlas-hint", data.hint));
          this.host.dataset.region = "";
        } else {
          this.host.innerHTML = html; // built and escaped by layers/render/profile_summary.py
          this.host.dataset.region = code;
          const heading = this.host.querySelector("h2");
          this.status.textContent = heading ? data.status_prefix + " " + heading.textContent : "";
        }
      }
      markStale(data.detail_prefix, code ? selection : null);
    }

    destroy() {
      super.destroy();
      this.host.remove();
      this.status.remove();
    }
  }

  /** Show in `parent` the summary of the region selected on the channel; returns a cleanup. */
  function renderSummary(parent, data) {
    return mountView(summariesByParent, parent, () => new AtlasSummary(parent, data), data);
  }

  /* ------------------------------------------------------------------ the profile detail */

  const detailsByParent = new WeakMap();
  // A domain chosen with the keyboard (arrow keys change a closed list at once) is sent once
  // the keys rest; one chosen with the mouse, at once.
  const KEYBOARD_DELAY_MS = 700;

  /**
   * The selected region's detail: "Fermer le profil", the domain whose indicators are listed,
   * the indicator table and the catalysers, all pre-rendered by Python
   * (layers/render/profile_detail.py) for every region of the level: a click shows them with
   * the summary, without a server round trip. Choosing another domain asks Python for that
   * domain's tables (`send("domain", id)`); the table waits greyed until they arrive.
   */
  class AtlasDetail extends SelectionView {
    constructor(parent, data, send) {
      super(data);
      this.send = send;
      this.host = element("div", "atlas-detail");
      parent.appendChild(this.host);
      this.pending = null; // a domain asked for, until its tables arrive
      this.timer = null;
    }

    received(data) {
      if (this.pending === data.domain) {
        this.pending = null;
      }
    }

    show(selection) {
      const data = this.data;
      const code = this.codeOf(selection);
      const body = code ? data.details[code] : undefined;
      const shown = body === undefined ? "" : data.level + "/" + code + "/" + data.key;
      if (shown === this.shown) {
        return;
      }
      this.shown = shown;
      if (body === undefined) {
        this.host.replaceChildren();
        this.host.dataset.region = "";
        return;
      }
      const close = element("button", "atlas-close", data.close_label);
      close.type = "button";
      close.addEventListener("click", () => this.channel.clear());
      const label = element("label", "", data.select_label);
      const select = element("select");
      data.domains.forEach(([id, name]) => {
        const option = element("option", "", name);
        option.value = id;
        select.appendChild(option);
      });
      select.value = this.pending || data.domain;
      this.bindSelect(select);
      label.appendChild(select);
      const bar = element("div", "atlas-detail-bar");
      bar.append(label, close);
      const table = element("div", "atlas-detail-table");
      table.innerHTML = body; // built and escaped by layers/render/profile_detail.py
      if (this.pending) {
        table.classList.add("atlas-pending");
      }
      const catalysers = element("div");
      catalysers.innerHTML = data.catalysers[code] || ""; // ditto
      this.host.replaceChildren(bar, table, catalysers);
      this.host.dataset.region = code;
      this.host.dataset.detail = data.level + "/" + code;
    }

    bindSelect(select) {
      let keyed = false;
      const choose = () => {
        clearTimeout(this.timer);
        this.timer = null;
        if (select.value === (this.pending || this.data.domain)) {
          return;
        }
        this.pending = select.value === this.data.domain ? null : select.value;
        const table = this.host.querySelector(".atlas-detail-table");
        if (table) {
          table.classList.toggle("atlas-pending", this.pending !== null);
        }
        this.send("domain", select.value);
      };
      select.addEventListener("keydown", (event) => {
        keyed = true;
        if (event.key === "Enter") {
          choose();
        }
      });
      select.addEventListener("pointerdown", () => { keyed = false; });
      select.addEventListener("change", () => {
        if (keyed) {
          clearTimeout(this.timer);
          this.timer = setTimeout(choose, KEYBOARD_DELAY_MS);
        } else {
          choose();
        }
      });
      select.addEventListener("blur", () => { if (this.timer) { choose(); } });
    }

    destroy() {
      clearTimeout(this.timer);
      super.destroy();
      this.host.remove();
    }
  }

  /** Show in `parent` the detail of the region selected on the channel; returns a cleanup.
   *  `send(name, value)` sends a trigger to Python. */
  function renderDetail(parent, data, send) {
    const create = () => new AtlasDetail(parent, data, send);
    const cleanup = mountView(detailsByParent, parent, create, data);
    detailsByParent.get(parent).send = send; // Streamlit may hand a new one at each call
    return cleanup;
  }

  /** Start fetching what a map payload points to (before Leaflet has loaded). */
  function prefetch(data) {
    if (typeof data.geometry === "string") {
      getJson(data.geometry);
    }
  }

  window.Atlas = {
    prefetch: prefetch,
    whenDrawn: whenDrawn,
    renderMap: renderMap,
    renderSummary: renderSummary,
    renderDetail: renderDetail,
    channel: channel,
    getJson: getJson,
    maps: maps,
  };
})();
