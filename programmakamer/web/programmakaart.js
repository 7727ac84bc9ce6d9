/* The published programme map: OpenLayers on the data of programmakaart-data.js.
 *
 * Written by the plugin Integrale Programmakamer; opens from disk or any static server.
 * Every text from the data is set as text (textContent), never as HTML.
 * Filtering flips one byte per work and picks the shown parts from a list kept in paint
 * order, which the page traces on its own canvas; a click looks up the works near the
 * pointer in a spatial index.
 */
(function () {
  'use strict';

  var D = window.PROGRAMMAKAART;
  var G = D.geometry;
  var W = D.works;
  var F = null;  // the findings: loaded once the map is drawn
  var count = W.id.length;
  var shown = new Uint8Array(count).fill(1);
  var state = {
    language: D.language, stakeholder: -1, horizon: '', year: 0, search: '',
    style: 'horizon', selected: -1, background: ''
  };
  var timings = {};
  var started = performance.now();
  timings.script_start = started;

  function $(id) { return document.getElementById(id); }
  function text(key) { return D.texts[state.language][key]; }
  function fill(template) {
    var args = Array.prototype.slice.call(arguments, 1);
    var n = 0;
    return template.replace(/\{\}/g, function () { return String(args[n++]); });
  }
  function label(kind, value) {
    var entry = D.labels[kind][value];
    return entry ? entry[state.language] : (value === null ? '' : String(value));
  }
  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (content !== undefined && content !== null) { node.textContent = content; }
    return node;
  }

  // --- styles: the colours of the plugin's QGIS styles -------------------------------
  function fade(colour, alpha) {
    var c = ol.color.asArray(colour).slice();
    c[3] = alpha;
    return c;
  }
  /* A pen: how the parts of one colour and shape are drawn, as in the plugin's QGIS styles,
   * with the chamber's override as a black dotted line (a dot on points) on top. */
  var pens = {};
  function penOf(feature) {
    var w = feature.work;
    var kind = feature.kind;
    var shape = kind.indexOf('Point') >= 0 ? 'point' : kind.indexOf('Polygon') >= 0 ? 'area' : 'line';
    var colour;
    var override = false;
    if (state.style === 'stakeholder') {
      var s = D.stakeholders[W.stakeholder[w]];
      colour = s ? s.colour : D.colours.none;
    } else {
      colour = W.horizon[w] ? D.colours.horizon[W.horizon[w]] : D.colours.none;
      override = Boolean(W.override[w]);
    }
    var key = colour + shape + override;
    if (!pens[key]) {
      pens[key] = {id: Object.keys(pens).length, shape: shape, colour: colour, override: override,
        fill: ol.color.asString(fade(colour, 0.35))};
    }
    return pens[key];
  }
  /* Each part keeps its pen, and the parts stand in paint order: works without a horizon
   * below, short term on top (or by stakeholder), and parts of one pen after each other,
   * which the canvas draws as one path. A filter then only picks the shown parts from this
   * order; nothing is sorted or styled again. */
  var horizonRank = {long: 1, medium: 2, short: 3};
  var paintOrder = [];
  function restyle() {
    pens = {};
    for (var i = 0; i < workFeatures.length; i++) {
      var f = workFeatures[i];
      f.pen = penOf(f);
      f.rank = 1000 * (state.style === 'stakeholder' ? W.stakeholder[f.work]
        : 2 * (horizonRank[W.horizon[f.work]] || 0) + (W.override[f.work] ? 1 : 0)) + f.pen.id;
    }
    paintOrder = workFeatures.slice().sort(function (a, b) { return a.rank - b.rank; });
  }

  // --- data into features -------------------------------------------------------------
  var geojson = new ol.format.GeoJSON();
  function geometry(object) {
    return geojson.readGeometry(object, {dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857'});
  }
  /* The works' parts come as shapely's ragged arrays per geometry family: coordinates in
   * millionths of a degree, each a step from the one before, and offsets that cut them
   * into geometries (and parts, rings, polygons). */
  var toMercator = ol.proj.getTransform('EPSG:4326', 'EPSG:3857');
  /* Works are drawn as OpenLayers' light render features (as vector tiles are): no events
   * or listeners per feature, which at 50,000 works saves about a second when the page
   * opens. A real geometry is made for the few that are clicked or selected. */
  function feature(type, flat, ends) {
    return new ol.render.Feature(type, flat, ends, 2, {}, undefined);
  }
  function raggedFeatures(group) {
    var steps = group.coords;
    var flat = new Array(steps.length);
    var x = 0;
    var y = 0;
    for (var i = 0; i < steps.length; i += 2) {
      x += steps[i];
      y += steps[i + 1];
      flat[i] = x / 1e6;
      flat[i + 1] = y / 1e6;
    }
    toMercator(flat, flat, 2);
    var o = group.offsets;
    var made = [];
    function ends(from, to, base, into) {
      for (var r = from; r < to; r++) { into.push(o[0][r + 1] * 2 - base); }
      return into;
    }
    var g;
    var start;
    var end;
    if (group.type === 0) {  // points
      for (g = 0; g * 2 < flat.length; g++) { made.push(feature('Point', flat.slice(g * 2, g * 2 + 2), [2])); }
    } else if (group.type === 1 || group.type === 4) {  // lines, multipoints
      for (g = 0; g + 1 < o[0].length; g++) {
        var part = flat.slice(o[0][g] * 2, o[0][g + 1] * 2);
        var cuts = [];
        if (group.type === 4) { for (var k = 2; k <= part.length; k += 2) { cuts.push(k); } } else { cuts.push(part.length); }
        made.push(feature(group.type === 1 ? 'LineString' : 'MultiPoint', part, cuts));
      }
    } else if (group.type === 3 || group.type === 5) {  // polygons (rings), multilines (lines)
      for (g = 0; g + 1 < o[1].length; g++) {
        start = o[0][o[1][g]] * 2;
        end = o[0][o[1][g + 1]] * 2;
        made.push(feature(group.type === 3 ? 'Polygon' : 'MultiLineString', flat.slice(start, end),
          ends(o[1][g], o[1][g + 1], start, [])));
      }
    } else if (group.type === 6) {  // multipolygons: one ring list, as vector tiles have them
      for (g = 0; g + 1 < o[2].length; g++) {
        start = o[0][o[1][o[2][g]]] * 2;
        end = o[0][o[1][o[2][g + 1]]] * 2;
        made.push(feature('Polygon', flat.slice(start, end), ends(o[1][o[2][g]], o[1][o[2][g + 1]], start, [])));
      }
    }
    return made;
  }
  function shapeOf(f) { return ol.render.Feature.toGeometry(f); }
  var workFeatures = [];
  var partsOfWork = [];
  for (var w = 0; w < count; w++) { partsOfWork.push([]); }
  G.parts.forEach(function (group) {
    raggedFeatures(group).forEach(function (f) {
      f.work = D.parts.work[workFeatures.length];
      f.kind = f.getType();
      workFeatures.push(f);
      partsOfWork[f.work].push(f);
    });
  });
  restyle();
  /* The works' spatial index, for clicks and the map's extent. */
  var worksSource = new ol.source.Vector({features: workFeatures});

  /* The works are drawn by the page itself, straight from the list of shown parts, one
   * canvas path per pen: OpenLayers' vector layer would first rebuild its drawing
   * instructions for every shown part on each filter change (180 ms at 50,000 works),
   * while tracing the parts anew costs about what replaying those instructions does. */
  var shownParts = [];
  var BATCH = 256;  // parts per canvas path: one huge path strokes slower than a few hundred
  var drawnWorks = new Uint8Array(count);
  var worksCanvas = document.createElement('canvas');
  worksCanvas.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%';
  var worksFrame = element('div', 'works-layer');
  worksFrame.style.cssText = 'position:absolute;width:100%;height:100%';
  worksFrame.appendChild(worksCanvas);
  var worksLayer = new ol.layer.Layer({render: drawWorks});

  function trace(context, part, t) {
    var flat = part.getFlatCoordinates();
    var ends = part.getEnds() || [flat.length];
    var start = 0;
    for (var e = 0; e < ends.length; e++) {
      for (var i = start; i < ends[e]; i += 2) {
        var x = t[0] * flat[i] + t[2] * flat[i + 1] + t[4];
        var y = t[1] * flat[i] + t[3] * flat[i + 1] + t[5];
        if (i === start) { context.moveTo(x, y); } else { context.lineTo(x, y); }
      }
      if (part.pen.shape === 'area') { context.closePath(); }
      start = ends[e];
    }
  }
  function dots(context, part, t, radius) {
    var flat = part.getFlatCoordinates();
    for (var i = 0; i < flat.length; i += 2) {
      var x = t[0] * flat[i] + t[2] * flat[i + 1] + t[4];
      var y = t[1] * flat[i] + t[3] * flat[i + 1] + t[5];
      context.moveTo(x + radius, y);
      context.arc(x, y, radius, 0, 2 * Math.PI);
    }
  }
  /* One pen's parts: traced once, then filled and stroked; the override's dots on top. */
  function paint(context, pen, parts, t, ratio) {
    context.beginPath();
    parts.forEach(function (part) {
      if (pen.shape === 'point') { dots(context, part, t, 5 * ratio); } else { trace(context, part, t); }
    });
    context.setLineDash([]);
    if (pen.shape === 'line') {
      context.lineCap = 'butt';
      context.lineWidth = 3.5 * ratio;
      context.strokeStyle = pen.colour;
      context.stroke();
    } else {
      context.fillStyle = pen.shape === 'area' ? pen.fill : pen.colour;
      context.fill();
      context.lineWidth = (pen.shape === 'area' ? 2 : 1) * ratio;
      context.strokeStyle = pen.shape === 'area' ? pen.colour : '#202020';
      context.stroke();
    }
    if (!pen.override) { return; }
    if (pen.shape === 'point') {
      context.beginPath();
      parts.forEach(function (part) { dots(context, part, t, 1.8 * ratio); });
      context.fillStyle = '#000';
      context.fill();
    } else {
      context.setLineDash([2 * ratio, 3 * ratio]);
      context.lineWidth = 1.2 * ratio;
      context.strokeStyle = '#000';
      context.stroke();
    }
  }
  function drawWorks(frameState) {
    var ratio = frameState.pixelRatio;
    var width = Math.round(frameState.size[0] * ratio);
    var height = Math.round(frameState.size[1] * ratio);
    if (worksCanvas.width !== width || worksCanvas.height !== height) {
      worksCanvas.width = width;
      worksCanvas.height = height;
    }
    var context = worksCanvas.getContext('2d');
    context.clearRect(0, 0, width, height);
    var t = frameState.coordinateToPixelTransform.map(function (v) { return v * ratio; });
    var view = ol.extent.buffer(frameState.extent, 10 * frameState.viewState.resolution);
    drawnWorks.fill(0);
    var run = [];
    for (var i = 0; i <= shownParts.length; i++) {
      var part = shownParts[i];
      if (part && !ol.extent.intersects(view, part.getExtent())) { continue; }
      if (run.length && (!part || part.pen !== run[0].pen || run.length === BATCH)) {
        paint(context, run[0].pen, run, t, ratio);
        run = [];
      }
      if (part) {
        run.push(part);
        drawnWorks[part.work] = 1;
      }
    }
    return worksFrame;
  }
  timings.features = performance.now() - started;

  function areaLayer(name, style, labelled) {
    var area = D.areas[name];
    var features = [];
    for (var i = 0; i < area.label.length; i++) {
      var f = new ol.Feature(geometry(G.reference[area.first + i]));
      f.label = area.label[i];
      f.kind = area.kind[i];
      features.push(f);
    }
    var layer = new ol.layer.Vector({source: new ol.source.Vector({features: features}),
      style: labelled ? function (f) { style.getText().setText(f.label || ''); return style; } : style});
    return layer;
  }
  var neighbourhoodStyle = new ol.style.Style({
    stroke: new ol.style.Stroke({color: D.colours.reference.neighbourhood, width: 1.2, lineDash: [6, 4]}),
    text: new ol.style.Text({font: 'bold 13px sans-serif', fill: new ol.style.Fill({color: '#7a7a7a'}),
      stroke: new ol.style.Stroke({color: '#fff', width: 3}), overflow: true})
  });
  var streetStyle = {
    main: new ol.style.Style({stroke: new ol.style.Stroke({color: D.colours.reference.main_street, width: 2.5})}),
    other: new ol.style.Style({stroke: new ol.style.Stroke({color: D.colours.reference.street, width: 1.2})})
  };
  var challengeStyle = new ol.style.Style({fill: new ol.style.Fill({color: fade(D.colours.reference.challenge, 0.15)}),
    stroke: new ol.style.Stroke({color: D.colours.reference.challenge, width: 1.5})});
  var layers = {
    neighbourhoods: areaLayer('neighbourhoods', neighbourhoodStyle, true),
    streets: new ol.layer.Vector({source: areaLayer('streets').getSource(),
      style: function (f) { return f.kind === 'main' ? streetStyle.main : streetStyle.other; }}),
    challenges: areaLayer('challenges', challengeStyle, false)
  };
  var hotspotFeatures = [];
  var acceptedFeatures = [];
  var first = D.areas.finding_index;
  for (var a = 0; a < first.length; a++) {
    var area = new ol.Feature(geometry(G.findings[a]));
    area.finding = first[a];
    (D.areas.finding_kind[a] === 'hotspot' ? hotspotFeatures : acceptedFeatures).push(area);
  }
  layers.hotspots = new ol.layer.Vector({source: new ol.source.Vector({features: hotspotFeatures}),
    style: new ol.style.Style({fill: new ol.style.Fill({color: fade(D.colours.finding.hotspot, 0.35)}),
      stroke: new ol.style.Stroke({color: '#b8860b', width: 1})})});
  layers.accepted = new ol.layer.Vector({source: new ol.source.Vector({features: acceptedFeatures}),
    style: new ol.style.Style({fill: new ol.style.Fill({color: fade(D.colours.finding.combine, 0.4)}),
      stroke: new ol.style.Stroke({color: D.colours.finding.combine, width: 3})})});
  var selection = new ol.source.Vector();
  var selectionLayer = new ol.layer.Vector({source: selection, style: [
    new ol.style.Style({stroke: new ol.style.Stroke({color: 'rgba(0,0,0,0.75)', width: 9}),
      fill: new ol.style.Fill({color: 'rgba(255,235,59,0.35)'}),
      image: new ol.style.Circle({radius: 10, stroke: new ol.style.Stroke({color: '#000', width: 3})})}),
    new ol.style.Style({stroke: new ol.style.Stroke({color: '#ffeb3b', width: 5})})]});
  var backgrounds = {
    pdok: function () {
      return new ol.source.XYZ({
        url: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
        attributions: 'Kaartgegevens &copy; Kadaster', maxZoom: 19, crossOrigin: null});
    },
    osm: function () { return new ol.source.OSM(); }
  };
  var backgroundLayer = new ol.layer.Tile({visible: false});

  var map = new ol.Map({
    target: 'map',
    layers: [backgroundLayer, layers.neighbourhoods, layers.streets, layers.challenges,
      layers.hotspots, layers.accepted, worksLayer, selectionLayer],
    view: new ol.View({maxZoom: 21}),
    controls: ol.control.defaults.defaults({attributionOptions: {collapsible: true}})
      .extend([new ol.control.ScaleLine()])
  });
  var extent = worksSource.getExtent().slice();
  [layers.challenges, layers.hotspots, layers.accepted].forEach(function (layer) {
    if (layer.getSource().getFeatures().length) { ol.extent.extend(extent, layer.getSource().getExtent()); }
  });
  map.getView().fit(extent, {padding: [20, 20, 20, 20]});

  // --- filters ------------------------------------------------------------------------
  var haystack = new Array(count);
  for (var h = 0; h < count; h++) {
    var owner = D.stakeholders[W.stakeholder[h]];
    haystack[h] = [W.id[h], W.title[h], W.location[h], owner ? owner.name : '']
      .join('\u0001').toLowerCase();
  }
  var years = [];
  (function () {
    var low = Infinity;
    var high = -Infinity;
    for (var y = 0; y < count; y++) {
      if (W.first_year[y] !== null) {
        low = Math.min(low, W.first_year[y]);
        high = Math.max(high, W.last_year[y]);
      }
    }
    for (var year = low; year <= high; year++) { years.push(year); }
  })();

  function applyFilters() {
    var q = state.search.trim().toLowerCase();
    var visible = 0;
    for (var i = 0; i < count; i++) {
      var ok = (state.stakeholder < 0 || W.stakeholder[i] === state.stakeholder) &&
        (!state.horizon || (W.horizon[i] || 'none') === state.horizon) &&
        (!state.year || (W.first_year[i] !== null && W.first_year[i] <= state.year &&
          W.last_year[i] >= state.year)) &&
        (!q || haystack[i].indexOf(q) >= 0);
      shown[i] = ok ? 1 : 0;
      visible += shown[i];
    }
    shownParts = visible === count ? paintOrder : paintOrder.filter(function (f) { return shown[f.work]; });
    worksLayer.changed();
    $('shown').textContent = visible ? fill(text('shown'), visible, count) : text('no_works');
    $('shown').dataset.count = visible;
    return visible;
  }

  function options(select, entries, value) {
    select.textContent = '';
    entries.forEach(function (entry) {
      var option = element('option', null, entry[1]);
      option.value = String(entry[0]);
      select.appendChild(option);
    });
    select.value = String(value);
  }

  function fillControls() {
    options($('stakeholder'), [[-1, text('all_stakeholders')]].concat(D.stakeholders.map(
      function (s, i) { return [i, s.name]; })), state.stakeholder);
    options($('horizon'), [['', text('all_horizons')]].concat(D.horizons.map(
      function (h) { return [h, label('horizon', h)]; }), [['none', text('no_horizon')]]), state.horizon);
    options($('style'), [['horizon', text('by_horizon')], ['stakeholder', text('by_stakeholder')]], state.style);
    options($('background'), [['', text('no_background')], ['pdok', text('pdok')], ['osm', text('osm')]],
      state.background);
    $('year').max = String(years.length);
    $('year-label').textContent = state.year ? String(state.year) : text('all_years');
    $('year-previous').title = text('previous_year');
    $('year-next').title = text('next_year');
    $('search').placeholder = text('search_hint');
  }

  function setYear(position) {
    position = Math.max(0, Math.min(years.length, position));
    $('year').value = String(position);
    state.year = position ? years[position - 1] : 0;
    $('year-label').textContent = state.year ? String(state.year) : text('all_years');
    applyFilters();
  }

  // --- legend -------------------------------------------------------------------------
  function swatch(colour, kind) {
    var s = element('span', 'swatch ' + kind);
    s.style.background = kind === 'dotted' ? 'none' : colour;
    if (kind === 'area') { s.style.background = ol.color.asString(fade(colour, 0.35)); }
    if (kind === 'area' || kind === 'outline') { s.style.borderColor = colour; }
    return s;
  }
  function legendItem(list, colour, kind, caption, layer) {
    var item = element('li');
    if (layer) {
      var box = element('input');
      box.type = 'checkbox';
      box.checked = layer.getVisible();
      box.addEventListener('change', function () { layer.setVisible(box.checked); });
      item.appendChild(box);
    }
    item.appendChild(swatch(colour, kind));
    item.appendChild(element('span', null, caption));
    list.appendChild(item);
  }
  function fillLegend() {
    var list = $('legend-items');
    list.textContent = '';
    if (state.style === 'horizon') {
      D.horizons.forEach(function (h) { legendItem(list, D.colours.horizon[h], 'line', label('horizon', h)); });
      legendItem(list, D.colours.none, 'line', text('no_horizon'));
      legendItem(list, '#000', 'dotted', text('override'));
    } else {
      D.stakeholders.forEach(function (s) { legendItem(list, s.colour, 'line', s.name); });
    }
    legendItem(list, D.colours.reference.challenge, 'area', text('challenges'), layers.challenges);
    legendItem(list, D.colours.finding.hotspot, 'area', text('hotspots'), layers.hotspots);
    legendItem(list, D.colours.finding.combine, 'area', text('accepted'), layers.accepted);
    legendItem(list, D.colours.reference.neighbourhood, 'outline', text('neighbourhoods'), layers.neighbourhoods);
    legendItem(list, D.colours.reference.main_street, 'line', text('streets'), layers.streets);
  }

  // --- the card of a work -------------------------------------------------------------
  function row(list, caption, value) {
    if (value === null || value === undefined || value === '') { return; }
    list.appendChild(element('dt', null, caption));
    list.appendChild(element('dd', null, value));
  }
  function showCard(w) {
    var body = $('card-body');
    body.textContent = '';
    var owner = D.stakeholders[W.stakeholder[w]];
    body.appendChild(element('h2', null, W.title[w]));
    var who = element('p', 'stakeholder');
    if (owner) { who.appendChild(swatch(owner.colour, 'line')); }
    who.appendChild(element('span', null, (owner ? owner.name : '') + ' · ' + W.id[w]));
    body.appendChild(who);
    var list = element('dl');
    row(list, text('period'), W['period_' + state.language][w]);
    row(list, text('status'), label('status', W.status[w]));
    row(list, text('horizon'), W.horizon[w] ? label('horizon', W.horizon[w]) : text('no_horizon'));
    row(list, text('location'), W.location[w]);
    if (W['cost_' + state.language]) { row(list, text('cost'), W['cost_' + state.language][w]); }
    if (W.description) { row(list, text('description'), W.description[w]); }
    if (owner && owner.contact) { row(list, text('contact'), owner.contact); }
    body.appendChild(list);
    if (W.override[w]) {
      var override = element('p', 'override', fill(text('chamber_horizon'), label('horizon', W.override[w]),
        W.computed[w] ? label('horizon', W.computed[w]) : '–'));
      body.appendChild(override);
      if (W.reason[w]) { body.appendChild(element('p', 'reason', fill(text('reason'), W.reason[w]))); }
    }
    body.appendChild(element('h3', null, text('findings')));
    var found = F ? W.findings[w] : [];
    if (!F) { body.appendChild(element('p', 'none', text('loading'))); }
    if (F && !found.length) { body.appendChild(element('p', 'none', text('no_findings'))); }
    var items = element('ul', 'findings');
    found.forEach(function (i) {
      var item = element('li', 'finding');
      var kind = element('strong', null, label('kind', F.kind[i]));
      kind.style.borderColor = D.colours.finding[F.kind[i]] || '#999';
      item.appendChild(kind);
      item.appendChild(element('p', null, F['explanation_' + state.language][i]));
      if (F['saving_' + state.language] && F['saving_' + state.language][i]) {
        item.appendChild(element('p', null, fill(text('saving'), F['saving_' + state.language][i])));
      }
      if (F.verdict[i]) {
        item.appendChild(element('p', 'decision', fill(text('decision'), label('verdict', F.verdict[i]),
          F['decided_' + state.language][i])));
        if (F.decision[i]) { item.appendChild(element('p', 'decision-text', F.decision[i])); }
        if (F.action_holder[i]) { item.appendChild(element('p', null, fill(text('action_holder'), F.action_holder[i]))); }
      } else {
        item.appendChild(element('p', 'decision', text('no_decision')));
      }
      var other = F.work_a[i] === w ? F.work_b[i] : F.work_a[i];
      if (other >= 0 && other !== w) {
        var link = element('button', 'other-work', fill(text('other_work'), W.title[other]));
        link.type = 'button';
        link.dataset.work = W.id[other];
        link.addEventListener('click', function () { selectWork(other, true); });
        item.appendChild(link);
      }
      items.appendChild(item);
    });
    body.appendChild(items);
    $('card-close').title = text('close');
    $('card').hidden = false;
    $('card').dataset.work = W.id[w];
  }
  function selectWork(w, zoom) {
    state.selected = w;
    selection.clear();
    if (w < 0) { $('card').hidden = true; return; }
    selection.addFeatures(partsOfWork[w].map(function (f) { return new ol.Feature(shapeOf(f)); }));
    showCard(w);
    if (zoom && partsOfWork[w].length) {
      var box = ol.extent.createEmpty();
      partsOfWork[w].forEach(function (f) { ol.extent.extend(box, f.getExtent()); });
      map.getView().fit(box, {padding: [80, 80, 80, 80], maxZoom: 17, duration: 300});
    }
  }

  /* The nearest drawn work within a few pixels of the pointer: the source's spatial index
   * gives the candidates, the geometry decides. */
  function workAt(pixel) {
    var coordinate = map.getCoordinateFromPixel(pixel);
    var tolerance = 6 * map.getView().getResolution();
    var box = ol.extent.buffer([coordinate[0], coordinate[1], coordinate[0], coordinate[1]], tolerance);
    var best = -1;
    var nearest = Infinity;
    worksSource.forEachFeatureInExtent(box, function (f) {
      if (!shown[f.work]) { return; }
      var g = shapeOf(f);
      var d = 0;
      if (!(f.kind === 'Polygon' && g.intersectsCoordinate(coordinate))) {
        var c = g.getClosestPoint(coordinate);
        d = Math.sqrt(ol.coordinate.squaredDistance(c, coordinate));
      }
      if (d < nearest) { nearest = d; best = f.work; }
    });
    return nearest <= tolerance ? best : -1;
  }

  // --- language -----------------------------------------------------------------------
  function applyLanguage() {
    document.documentElement.lang = state.language;
    var p = D.programme;
    var title = fill(text('title'), p.name, p.municipality, p.reference_year);
    document.title = title;
    $('title').textContent = title;
    $('subtitle').textContent = fill(text('subtitle'), p.state[state.language], p.published[state.language]);
    var switcher = $('language');
    switcher.textContent = state.language === 'nl' ? 'English' : 'Nederlands';
    Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (node) {
      node.textContent = text(node.dataset.text);
    });
    fillControls();
    fillLegend();
    applyFilters();
    if (state.selected >= 0) { showCard(state.selected); }
  }

  // --- wiring -------------------------------------------------------------------------
  if (D.programme.logo) {
    $('logo').src = D.programme.logo;
    $('logo').hidden = false;
  }
  $('language').addEventListener('click', function () {
    state.language = state.language === 'nl' ? 'en' : 'nl';
    applyLanguage();
  });
  $('stakeholder').addEventListener('change', function (e) {
    state.stakeholder = Number(e.target.value);
    applyFilters();
  });
  $('horizon').addEventListener('change', function (e) {
    state.horizon = e.target.value;
    applyFilters();
  });
  $('year').addEventListener('input', function (e) { setYear(Number(e.target.value)); });
  $('year-previous').addEventListener('click', function () { setYear(Number($('year').value) - 1); });
  $('year-next').addEventListener('click', function () { setYear(Number($('year').value) + 1); });
  $('search').addEventListener('input', function (e) {
    state.search = e.target.value;
    applyFilters();
  });
  $('search').addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') { return; }
    var box = ol.extent.createEmpty();
    workFeatures.forEach(function (f) { if (shown[f.work]) { ol.extent.extend(box, f.getExtent()); } });
    if (!ol.extent.isEmpty(box)) { map.getView().fit(box, {padding: [60, 60, 60, 60], maxZoom: 17}); }
  });
  $('style').addEventListener('change', function (e) {
    state.style = e.target.value;
    restyle();
    fillLegend();
    applyFilters();
  });
  $('background').addEventListener('change', function (e) {
    state.background = e.target.value;
    if (state.background) { backgroundLayer.setSource(backgrounds[state.background]()); }
    backgroundLayer.setVisible(Boolean(state.background));
  });
  $('card-close').addEventListener('click', function () { selectWork(-1); });
  // 'click', not 'singleclick': that one waits 250 ms to rule out a double click
  function onClick(pixel) { selectWork(workAt(pixel), false); }
  map.on('click', function (e) { onClick(e.pixel); });

  applyLanguage();
  map.once('rendercomplete', function () {
    timings.ready = performance.now() - started;
    timings.since_navigation = performance.now();
    document.body.dataset.ready = 'true';
    var script = document.createElement('script');
    script.src = 'programmakaart-findings.js';
    script.onload = function () {
      F = window.PROGRAMMAKAART_FINDINGS;
      timings.findings = performance.now();
      document.body.dataset.findings = 'true';
      if (state.selected >= 0) { showCard(state.selected); }
    };
    document.body.appendChild(script);
  });

  /* For the tests and the benchmark: what is shown, and how long things took. */
  window.programmakaart = {
    map: map,
    timings: timings,
    shownCount: function () { return Number($('shown').dataset.count); },
    shownIds: function () { return W.id.filter(function (id, i) { return shown[i]; }); },
    pixelOf: function (id) {
      var w = W.id.indexOf(id);
      var g = shapeOf(partsOfWork[w][0]);
      var c = g.getType().indexOf('Polygon') >= 0 ? g.getInteriorPoint().getCoordinates()
        : g.getType().indexOf('Point') >= 0 ? g.getFirstCoordinate()
          : g.getCoordinateAt ? g.getCoordinateAt(0.5) : g.getLineString(0).getCoordinateAt(0.5);
      return map.getPixelFromCoordinate(c);
    },
    /* Whether a work was drawn in the map's last frame: what the reader sees, not what
     * the filter meant. */
    isDrawn: function (id) { return drawnWorks[W.id.indexOf(id)] === 1; },
    selectWork: selectWork,
    clickAt: onClick
  };
})();
