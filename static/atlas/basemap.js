/*
 * Atlas des fragilités territoriales: the offline base map, drawn in the browser.
 *
 * Two PMTiles archives built by `python -m geo.build.basemap` (static/basemap/):
 *   basemap_base.pmtiles  land and sea, drawn UNDER the choropleth (Leaflet's tilePane);
 *   basemap_ref.pmtiles   lakes, rivers, borders, département/commune lines and place names,
 *                         drawn ABOVE the choropleth in a pane that takes no pointer events,
 *                         so hover and click still reach the regions. Markers stay above it.
 * The tiles are drawn by protomaps-leaflet (global `protomapsL`, vendored at set-up).
 * basemap_light.geojson is a small fallback (land, département lines, largest cities) for pages
 * that cannot read PMTiles, e.g. the offline HTML export opened from disk: see addLight().
 *
 * Needs only the globals `L` (Leaflet 1.9) and, for add(), `protomapsL`. No framework: the
 * atlas's map (static/atlas/atlas.js, with the options of layers/render/basemap.py) and any
 * other Leaflet map call the same API:
 *
 *   var handle = AtlasBasemap.add(map, {baseUrl: "/app/static/basemap"});
 *   handle.setLabels(false); handle.remove();
 */
(function () {
  "use strict";

  var SEA = "#c6d9e8";
  var LAKE = "#b7d0e6";
  var FRANCE = "#f8f6f1";
  var OTHER_LAND = "#e9e6de";
  var RIVER = "#6c9fcf";
  var FONT = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif';
  var REF_PANE = "atlasBasemapRef";
  var LIGHT_BASE_PANE = "atlasBasemapLightBase";
  var FADE_CLASS = "atlas-basemap-fade";
  /* Towns are labelled tier by tier, biggest first: protomaps-leaflet settles collisions
   * between tiles by rule order only, so one rule for all towns could let a suburb take the
   * place of its city. Préfectures and département names come after the 40,000 tier. */
  var TOWN_TIERS = [300000, 100000, 40000, 15000, 5000, 1500, 0];

  function linear(stops) {
    return function (z) {
      if (z <= stops[0][0]) return stops[0][1];
      for (var i = 1; i < stops.length; i++) {
        if (z <= stops[i][0]) {
          var a = stops[i - 1], b = stops[i];
          return a[1] + ((z - a[0]) / (b[0] - a[0])) * (b[1] - a[1]);
        }
      }
      return stops[stops.length - 1][1];
    };
  }

  /* Set by handle.setPlace(): the commune the user searched for. Its name is written first,
   * at every zoom, so no other name can take its place. */
  var place = null;

  function shown(z, f) {
    return f.props.mz <= z && f.props.name !== place;
  }

  function townFont(z, f) {
    if (f.props.name === place) return "700 14px " + FONT;
    var pop = f.props.pop || 0;
    var size = pop >= 1000000 ? 15 : pop >= 300000 ? 14 : pop >= 100000 ? 13 : pop >= 15000 ? 12 : 11;
    var bold = pop >= 150000 || f.props.pref === 1;
    return (bold ? "600 " : "400 ") + size + "px " + FONT;
  }

  /* A town: a dot at its town hall and its name beside it, above first. Names sit off the
   * point because catalyser markers sit on it (and are drawn above the names): a big town's
   * name clears a marker cluster's solid core. protomaps-leaflet's OffsetSymbolizer tries only
   * its first placement (5.1.0), hence this small symbolizer of our own. */
  function TownSymbolizer(P, fill) {
    this.text = new P.TextSymbolizer({
      font: townFont,
      fill: fill,
      stroke: "#ffffff",
      width: 2.2,
      lineHeight: 1.1,
      maxLineChars: 18,
    });
    this.fill = fill;
  }

  TownSymbolizer.prototype.place = function (layout, geom, feature) {
    var placed = this.text.place(layout, [[{ x: 0, y: 0 }]], feature);
    if (!placed || !placed.length) return undefined;
    var text = placed[0];
    var t = text.bboxes[0];
    var w = t.maxX - t.minX;
    var searched = feature.props.name === place;
    var big = (feature.props.pop || 0) >= 40000 || searched;
    var r = big ? 2.4 : 1.7;
    var gap = big ? 11 : 3;
    var a = { x: geom[0][0].x, y: geom[0][0].y };
    var above = { x: -w / 2, y: -gap - t.maxY };
    var below = { x: -w / 2, y: gap - t.minY };
    var middle = -(t.minY + t.maxY) / 2;
    var candidates = [
      above,
      { x: gap + 1, y: middle },  // right
      { x: -gap - 1 - w, y: middle },  // left
      below,
    ];
    // The searched commune is written first: below its point, it leaves the spot above the
    // neighbours' points (their first choice) free.
    if (searched) candidates = [below, above].concat(candidates.slice(1, 3));
    var dot = { minX: a.x - r, minY: a.y - r, maxX: a.x + r, maxY: a.y + r };
    if (layout.index.bboxCollides(dot, layout.order)) return undefined;
    for (var i = 0; i < candidates.length; i++) {
      var o = candidates[i];
      var box = {
        minX: a.x + o.x + t.minX - 2, minY: a.y + o.y + t.minY - 2,
        maxX: a.x + o.x + t.maxX + 2, maxY: a.y + o.y + t.maxY + 2,
      };
      if (layout.index.bboxCollides(box, layout.order)) continue;
      var fill = this.fill;
      return [{
        anchor: a,
        bboxes: [dot, box],
        draw: (function (origin) {
          return function (ctx) {
            ctx.globalAlpha = 1;
            ctx.fillStyle = "#ffffff";
            ctx.beginPath();
            ctx.arc(0, 0, r + 1, 0, 2 * Math.PI);
            ctx.fill();
            ctx.fillStyle = fill;
            ctx.beginPath();
            ctx.arc(0, 0, r, 0, 2 * Math.PI);
            ctx.fill();
            ctx.translate(origin.x, origin.y);
            text.draw(ctx);
          };
        })(o),
      }];
    }
    return undefined;
  };

  function townLabel(P, fill) {
    return new TownSymbolizer(P, fill);
  }

  function townRule(P, low, high) {
    return {
      dataLayer: "labels",
      symbolizer: townLabel(P, "#1f1f1f"),
      filter: function (z, f) {
        var p = f.props;  // small préfectures have a rule of their own, see labelRules
        return !p.foreign && !(p.pref && p.pop < 40000) && p.pop >= low && p.pop < high &&
          shown(z, f);
      },
    };
  }

  function labelRules(P) {
    var rules = [
      {
        dataLayer: "labels",
        symbolizer: townLabel(P, "#000000"),
        filter: function (z, f) { return place !== null && f.props.name === place && !f.props.foreign; },
      },
      {
        dataLayer: "places",
        symbolizer: new P.CenteredTextSymbolizer({
          font: "600 12px " + FONT,
          fill: "#8a8170",
          stroke: "#ffffff",
          width: 1.5,
          letterSpacing: 2,
          textTransform: "uppercase",
        }),
        filter: function (z, f) { return f.props.kind === "country" && shown(z, f); },
      },
      {
        dataLayer: "places",
        symbolizer: new P.CenteredTextSymbolizer({
          font: "italic 400 12px " + FONT,
          fill: "#4f7ca3",
          letterSpacing: 1,
        }),
        filter: function (z, f) { return f.props.kind === "sea" && shown(z, f); },
      },
    ];
    var high = Infinity;
    TOWN_TIERS.forEach(function (low) {
      rules.push(townRule(P, low, high));
      if (low === 40000) {
        rules.push({
          dataLayer: "labels",
          symbolizer: townLabel(P, "#1f1f1f"),
          filter: function (z, f) {
            return f.props.pref === 1 && f.props.pop < 40000 && shown(z, f);
          },
        });
        rules.push({
          dataLayer: "places",
          maxzoom: 9,
          symbolizer: new P.CenteredTextSymbolizer({
            font: "italic 400 11px " + FONT,
            fill: "#6b6257",
            stroke: "#ffffff",
            width: 1.5,
            maxLineChars: 14,
          }),
          filter: function (z, f) { return f.props.kind === "dep" && shown(z, f); },
        });
      }
      high = low;
    });
    rules.push({
      dataLayer: "labels",
      symbolizer: townLabel(P, "#6f6f6f"),
      filter: function (z, f) { return f.props.foreign === 1 && shown(z, f); },
    });
    return rules;
  }

  function refPaintRules(P) {
    return [
      { dataLayer: "lakes", symbolizer: new P.PolygonSymbolizer({ fill: LAKE }) },
      {
        dataLayer: "rivers",
        minzoom: 7,
        symbolizer: new P.LineSymbolizer({
          color: RIVER,
          width: linear([[7, 0.8], [10, 1.8], [12, 2.6]]),
          opacity: 0.9,
        }),
      },
      {
        dataLayer: "communes",
        minzoom: 10,
        symbolizer: new P.LineSymbolizer({
          color: "#6d6d6d",
          width: linear([[10, 0.35], [12, 0.7]]),
          opacity: 0.5,
        }),
      },
      {
        dataLayer: "departements",
        symbolizer: new P.LineSymbolizer({
          color: "#4a4a4a",
          width: linear([[5, 0.3], [8, 0.9], [12, 1.8]]),
          opacity: linear([[5, 0.45], [9, 0.75]]),
        }),
        filter: function (z, f) { return f.props.kind === "dep"; },
      },
      {
        dataLayer: "departements",
        symbolizer: new P.LineSymbolizer({
          color: "#2b2b2b",
          width: linear([[5, 0.6], [8, 1.4], [12, 2.6]]),
          opacity: 0.8,
        }),
        filter: function (z, f) { return f.props.kind === "region"; },
      },
      {
        dataLayer: "borders",
        symbolizer: new P.LineSymbolizer({
          color: "#555555",
          width: linear([[4, 0.8], [10, 1.6]]),
          dash: [5, 3],
          dashColor: "#555555",
          dashWidth: 1.3,
        }),
      },
    ];
  }

  function basePaintRules(P) {
    return [
      {
        dataLayer: "land",
        symbolizer: new P.PolygonSymbolizer({
          fill: function (z, f) { return f.props.kind === "fr" ? FRANCE : OTHER_LAND; },
        }),
      },
    ];
  }

  function ensurePane(map, name, zIndex) {
    var pane = map.getPane(name) || map.createPane(name);
    pane.style.zIndex = String(zIndex);
    pane.style.pointerEvents = "none";
    return pane;
  }

  /* A style element where it applies to `map`: the page's head, or the shadow root the map is
   * drawn in (a component with isolated styles), which the page's styles do not reach. */
  function addStyle(map, css) {
    var root = map.getContainer().getRootNode();
    var style = document.createElement("style");
    style.textContent = css;
    (root && root.host ? root : document.head).appendChild(style);
    return style;
  }

  var fadeStyled = typeof WeakSet === "function" ? new WeakSet() : null;
  /* Above `fromZoom`, the choropleth (interactive paths of the overlay pane) is drawn lighter,
   * so land, rivers and names show through; CSS wins over Leaflet's fill-opacity attribute. */
  function installFade(map, fade) {
    if (!fade) return function () {};
    var root = map.getContainer().getRootNode();
    if (!fadeStyled || !fadeStyled.has(root)) {
      addStyle(map, "." + FADE_CLASS + " .leaflet-overlay-pane path.leaflet-interactive" +
        " { fill-opacity: var(--atlas-basemap-fade, 0.55); }");
      if (fadeStyled) fadeStyled.add(root);
    }
    var container = map.getContainer();
    container.style.setProperty("--atlas-basemap-fade", String(fade.fillOpacity));
    function update() {
      L.DomUtil[map.getZoom() >= fade.fromZoom ? "addClass" : "removeClass"](container, FADE_CLASS);
    }
    map.on("zoomend", update);
    update();
    return function () {
      map.off("zoomend", update);
      L.DomUtil.removeClass(container, FADE_CLASS);
    };
  }

  function options(opts) {
    opts = opts || {};
    return {
      baseUrl: String(opts.baseUrl || "").replace(/\/+$/, ""),
      labels: opts.labels !== false,
      refPane: opts.refPane || REF_PANE,
      refZIndex: opts.refZIndex || 450,
      fade: opts.fade === false ? null : {
        fromZoom: (opts.fade && opts.fade.fromZoom) || 9,
        fillOpacity: (opts.fade && opts.fade.fillOpacity) || 0.55,
      },
      attribution: opts.attribution || "",
      note: opts.note || "",
    };
  }

  function whenLoaded(layer) {
    return new Promise(function (resolve) { layer.once("load", resolve); });
  }

  /**
   * Add the base map to a Leaflet map.
   *
   * @param {L.Map} map
   * @param {Object} opts
   * @param {string} opts.baseUrl   folder URL of basemap_base.pmtiles and basemap_ref.pmtiles
   * @param {boolean} [opts.labels=true]  draw place names
   * @param {string} [opts.refPane="atlasBasemapRef"]  pane of lines and labels
   * @param {number} [opts.refZIndex=450]  its z-index (choropleth 400, markers 600)
   * @param {Object|false} [opts.fade={fromZoom: 9, fillOpacity: 0.55}]  lighter choropleth
   * @param {string} [opts.attribution]  sources and licences for the attribution control: pass
   *        the one of layers.render.basemap.basemap_options() (recorded by the build)
   * @returns {{base: L.GridLayer, ref: L.GridLayer, ready: Promise<void>,
   *            setLabels: function(boolean): void, setPlace: function(?string): void,
   *            remove: function(): void} | null}
   *          setPlace(name) writes the commune `name` (e.g. the searched one) first and in bold,
   *          at every zoom; setPlace(null) undoes it. Without a base map, label it yourself.
   *          null (with a console warning) when protomaps-leaflet is not loaded.
   */
  function add(map, opts) {
    var o = options(opts);
    var P = window.protomapsL;
    if (!P || !o.baseUrl) {
      console.warn("AtlasBasemap: protomaps-leaflet or baseUrl missing, no base map");
      return null;
    }
    ensurePane(map, o.refPane, o.refZIndex);
    var rules = labelRules(P);
    var base = P.leafletLayer({
      url: o.baseUrl + "/basemap_base.pmtiles",
      maxDataZoom: 10,
      paintRules: basePaintRules(P),
      labelRules: [],
      backgroundColor: SEA,
      attribution: o.attribution,
    });
    var ref = P.leafletLayer({
      url: o.baseUrl + "/basemap_ref.pmtiles",
      maxDataZoom: 10,
      pane: o.refPane,
      paintRules: refPaintRules(P),
      labelRules: o.labels ? rules : [],
      attribution: "",
    });
    var ready = Promise.all([whenLoaded(base), whenLoaded(ref)]).then(function () {});
    base.addTo(map);
    ref.addTo(map);
    var removeFade = installFade(map, o.fade);
    function relayout() {
      ref.clearLayout();
      ref.rerenderTiles();
    }
    return {
      base: base,
      ref: ref,
      ready: ready,
      setLabels: function (on) {
        ref.labelRules = on ? rules : [];
        relayout();
      },
      setPlace: function (name) {
        place = name || null;
        relayout();
      },
      remove: function () {
        map.removeLayer(base);
        map.removeLayer(ref);
        removeFade();
      },
    };
  }

  /**
   * Add the light fallback (a GeoJSON object from basemap_light.geojson): sea as the map's
   * background, land under the choropleth, département lines and the largest cities above it.
   * Same options and handle as add(), without `baseUrl`, plus `note`: a text shown in a box at
   * the bottom left of the map (e.g. that this is a simplified base map). `ready` is resolved.
   */
  function addLight(map, geojson, opts) {
    var o = options(opts);
    ensurePane(map, o.refPane, o.refZIndex);
    ensurePane(map, LIGHT_BASE_PANE, 150);
    var container = map.getContainer();
    var previousBackground = container.style.background;
    container.style.background = SEA;
    function of(layer) {
      return { type: "FeatureCollection", features: geojson.features.filter(function (f) {
        return f.properties.layer === layer;
      }) };
    }
    var land = L.geoJSON(of("land"), {
      pane: LIGHT_BASE_PANE,
      interactive: false,
      style: function (f) {
        return { stroke: false, fillOpacity: 1,
          fillColor: f.properties.kind === "fr" ? FRANCE : OTHER_LAND };
      },
    });
    var lines = L.geoJSON(of("departements"), {
      pane: o.refPane,
      interactive: false,
      style: function (f) {
        var region = f.properties.kind === "region";
        return { color: region ? "#2b2b2b" : "#4a4a4a", weight: region ? 1.2 : 0.6,
          opacity: region ? 0.8 : 0.6 };
      },
    });
    var names = L.geoJSON(of("labels"), {
      pane: o.refPane,
      interactive: false,
      pointToLayer: function (f, latlng) {
        var label = document.createElement("span");
        label.textContent = f.properties.name;
        return L.marker(latlng, {
          pane: o.refPane,
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: "atlas-basemap-light-label", html: label.outerHTML,
            iconSize: null }),
        });
      },
    });
    var style = addStyle(map, ".atlas-basemap-light-label span { position: absolute;" +
      " transform: translate(-50%, -50%); white-space: nowrap; font: 600 11px " + FONT + ";" +
      " color: #1f1f1f; text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }");
    land.addTo(map);
    lines.addTo(map);
    if (o.labels) names.addTo(map);
    if (map.attributionControl && o.attribution) {
      map.attributionControl.addAttribution(o.attribution);
    }
    var note = null;
    if (o.note) {
      note = L.control({ position: "bottomleft" });
      note.onAdd = function () {
        var box = L.DomUtil.create("div", "atlas-basemap-note");
        box.textContent = o.note;
        box.style.cssText = "background: rgba(255,255,255,0.85); padding: 2px 6px;" +
          " font: 11px " + FONT + "; max-width: 22em;";
        return box;
      };
      note.addTo(map);
    }
    var removeFade = installFade(map, o.fade);
    return {
      base: land,
      ref: lines,
      ready: Promise.resolve(),
      setLabels: function (on) {
        if (on) names.addTo(map); else map.removeLayer(names);
      },
      setPlace: function () {},  // the light base map has too few names to need it
      remove: function () {
        [land, lines, names].forEach(function (l) { map.removeLayer(l); });
        if (map.attributionControl && o.attribution) {
          map.attributionControl.removeAttribution(o.attribution);
        }
        if (note) note.remove();
        container.style.background = previousBackground;
        style.remove();
        removeFade();
      },
    };
  }

  window.AtlasBasemap = {
    add: add,
    addLight: addLight,
    /** True when protomaps-leaflet is loaded (add() can draw the PMTiles base map). */
    available: function () { return !!window.protomapsL; },
  };
})();
