<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
  <context>
    <name>Programmakamer</name>
    <message>
      <source>Changes</source>
      <translation>Wijzigingen</translation>
    </message>
    <message>
      <source>This is the first list: the next one shows what changed since.</source>
      <translation>Dit is de eerste lijst: de volgende laat zien wat er sindsdien veranderde.</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Nieuw</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>Gewijzigd</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Afgesloten</translation>
    </message>
    <message>
      <source>Integrale Programmakamer</source>
      <translation>Integrale Programmakamer</translation>
    </message>
    <message>
      <source>No horizon (no start yet)</source>
      <translation>Geen horizon (nog geen start)</translation>
    </message>
    <message>
      <source>Open findings on your works</source>
      <translation>Open bevindingen bij uw werken</translation>
    </message>
    <message>
      <source>No open findings on your works.</source>
      <translation>Geen open bevindingen bij uw werken.</translation>
    </message>
    <message>
      <source>Decisions of the chamber</source>
      <translation>Besluiten van de kamer</translation>
    </message>
    <message>
      <source>No decisions.</source>
      <translation>Geen besluiten.</translation>
    </message>
    <message>
      <source>Action list – {}</source>
      <translation>Actielijst – {}</translation>
    </message>
    <message>
      <source>The programme has no stakeholders: there is no list to make.</source>
      <translation>Het programma heeft geen partijen: er is geen lijst te maken.</translation>
    </message>
    <message>
      <source>Changes since the list of {}</source>
      <translation>Wijzigingen sinds de lijst van {}</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Wijziging</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Onderdeel</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Wat</translation>
    </message>
    <message>
      <source>Nothing changed.</source>
      <translation>Niets veranderd.</translation>
    </message>
    <message>
      <source>No works in this horizon.</source>
      <translation>Geen werken in deze horizon.</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Soort</translation>
    </message>
    <message>
      <source>Your work</source>
      <translation>Uw werk</translation>
    </message>
    <message>
      <source>Other party</source>
      <translation>Andere partij</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contactpersoon</translation>
    </message>
    <message>
      <source>Other work or challenge</source>
      <translation>Ander werk of opgave</translation>
    </message>
    <message>
      <source>Explanation</source>
      <translation>Uitleg</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Besluit</translation>
    </message>
    <message>
      <source>Decided at</source>
      <translation>Besloten op</translation>
    </message>
    <message>
      <source>About</source>
      <translation>Over</translation>
    </message>
    <message>
      <source>Decision text</source>
      <translation>Besluittekst</translation>
    </message>
    <message>
      <source>Action holder</source>
      <translation>Actiehouder</translation>
    </message>
    <message>
      <source>Contact: {}</source>
      <translation>Contact: {}</translation>
    </message>
    <message>
      <source>{} – {}, reference year {}</source>
      <translation>{} – {}, programmajaar {}</translation>
    </message>
    <message>
      <source>Work</source>
      <translation>Werk</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <source>Street or place</source>
      <translation>Straat of plaats</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Periode</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Horizon set by the chamber</source>
      <translation>Horizon gekozen door de kamer</translation>
    </message>
    <message>
      <source>Cost estimate (EUR)</source>
      <translation>Kostenraming (EUR)</translation>
    </message>
    <message>
      <source>Works: {}</source>
      <translation>Werken: {}</translation>
    </message>
    <message>
      <source>{} · exported {}</source>
      <translation>{} · geëxporteerd {}</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <source>{} (was: {})</source>
      <translation>{} (was: {})</translation>
    </message>
    <message>
      <source>Cannot write {}: it is open in another program or read-only.</source>
      <translation>{} kan niet worden geschreven: het is geopend in een ander programma of alleen-lezen.</translation>
    </message>
    <message>
      <source>Cannot write in the folder {}: it is read-only or not accessible.</source>
      <translation>In de map {} kan niet worden geschreven: ze is alleen-lezen of niet toegankelijk.</translation>
    </message>
    <message>
      <source>The folder {} does not exist.</source>
      <translation>De map {} bestaat niet.</translation>
    </message>
    <message>
      <source>Cannot write {}: the disk is full.</source>
      <translation>{} kan niet worden geschreven: de schijf is vol.</translation>
    </message>
    <message>
      <source>The export failed and not every earlier file could be put back: they are in the folder {}.</source>
      <translation>De export is mislukt en niet elk eerder bestand kon worden teruggezet: ze staan in de map {}.</translation>
    </message>
    <message>
      <source>Stakeholder</source>
      <translation>Partij</translation>
    </message>
    <message>
      <source>Combined with</source>
      <translation>Gecombineerd met</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Stand</translation>
    </message>
    <message>
      <source>Stakeholder A</source>
      <translation>Partij A</translation>
    </message>
    <message>
      <source>Stakeholder B</source>
      <translation>Partij B</translation>
    </message>
    <message>
      <source>Estimated saving (EUR)</source>
      <translation>Geschatte besparing (EUR)</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>Ernst</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Totaal</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Samenvatting</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>Bevindingen</translation>
    </message>
    <message>
      <source>Estimated saving of accepted dig-once chances (EUR)</source>
      <translation>Geschatte besparing van aanvaarde meekoppelkansen (EUR)</translation>
    </message>
    <message>
      <source>The Excel export needs the Python package openpyxl; install it with pip.</source>
      <translation>De Excel-export heeft het Python-pakket openpyxl nodig; installeer het met pip.</translation>
    </message>
    <message>
      <source>{}: works</source>
      <translation>{}: werken</translation>
    </message>
    <message>
      <source>{}: cost (EUR)</source>
      <translation>{}: kosten (EUR)</translation>
    </message>
    <message>
      <source>Horizon</source>
      <translation>Horizon</translation>
    </message>
    <message>
      <source>the export was cancelled or failed</source>
      <translation>de export is afgebroken of mislukt</translation>
    </message>
    <message>
      <source>Accepted dig-once chances</source>
      <translation>Aanvaarde meekoppelkansen</translation>
    </message>
    <message>
      <source>Works</source>
      <translation>Werken</translation>
    </message>
    <message>
      <source>Outside</source>
      <translation>Buiten de wijk</translation>
    </message>
    <message>
      <source>Legend</source>
      <translation>Legenda</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>Overzicht</translation>
    </message>
    <message>
      <source>the file cannot be written: the folder is read-only or the file is open elsewhere</source>
      <translation>het bestand kan niet worden geschreven: de map is alleen-lezen of het bestand is elders geopend</translation>
    </message>
    <message>
      <source>not enough memory for this page size and resolution</source>
      <translation>niet genoeg geheugen voor dit papierformaat en deze resolutie</translation>
    </message>
    <message>
      <source>the PDF could not be made</source>
      <translation>de PDF kon niet worden gemaakt</translation>
    </message>
    <message>
      <source>The programme has no stakeholder layers to draw.</source>
      <translation>Het programma heeft geen partijlagen om te tekenen.</translation>
    </message>
    <message>
      <source>The programme is empty: there is nothing to draw.</source>
      <translation>Het programma is leeg: er is niets te tekenen.</translation>
    </message>
    <message>
      <source>All works by horizon</source>
      <translation>Alle werken per horizon</translation>
    </message>
    <message>
      <source>The neighbourhood layer has no coordinate reference system.</source>
      <translation>De wijkenlaag heeft geen coördinaatreferentiesysteem.</translation>
    </message>
    <message>
      <source>Sources: programme {} ({}); map {} · {}</source>
      <translation>Bronnen: programma {} ({}); kaart {} · {}</translation>
    </message>
    <message>
      <source>Programme map – {}</source>
      <translation>Programmakaart – {}</translation>
    </message>
    <message>
      <source>The programme has no neighbourhoods for the neighbourhood pages: add them to its neighbourhoods table or choose a neighbourhood layer.</source>
      <translation>Het programma heeft geen wijken voor de wijkpagina's: voeg ze toe aan de wijkentabel of kies een wijkenlaag.</translation>
    </message>
    <message>
      <source>{} · {} · exported {}</source>
      <translation>{} · {} · geëxporteerd {}</translation>
    </message>
    <message>
      <source>Unknown paper size: {}</source>
      <translation>Onbekend papierformaat: {}</translation>
    </message>
    <message>
      <source>The programme {} is not open in the project.</source>
      <translation>Het programma {} is niet geopend in het project.</translation>
    </message>
    <message>
      <source>Cannot read the style of layer {}.</source>
      <translation>Kan de stijl van laag {} niet lezen.</translation>
    </message>
    <message>
      <source>The neighbourhood layer has no field {}.</source>
      <translation>De wijkenlaag heeft geen veld {}.</translation>
    </message>
    <message>
      <source>{} neighbourhoods would make {} pages (at most {}): choose a layer of wijken rather than buurten.</source>
      <translation>{} wijken zouden {} pagina's opleveren (hoogstens {}): kies een laag met wijken in plaats van buurten.</translation>
    </message>
    <message>
      <source>Unknown pages: {}</source>
      <translation>Onbekende pagina's: {}</translation>
    </message>
    <message>
      <source>{} in colour, other works grey</source>
      <translation>{} in kleur, overige werken grijs</translation>
    </message>
    <message>
      <source>Choose a resolution between 30 and 600 dpi (got {}).</source>
      <translation>Kies een resolutie tussen 30 en 600 dpi (opgegeven: {}).</translation>
    </message>
    <message>
      <source>{} dpi on this paper makes images too large ({:.0f} megapixels a page): use at most {} dpi.</source>
      <translation>{} dpi op dit papier geeft te grote afbeeldingen ({:.0f} megapixel per pagina): gebruik hoogstens {} dpi.</translation>
    </message>
    <message>
      <source>Could not write {}: {}</source>
      <translation>{} kon niet worden geschreven: {}</translation>
    </message>
    <message>
      <source>Could not write the page images: {}</source>
      <translation>De pagina-afbeeldingen konden niet worden geschreven: {}</translation>
    </message>
    <message>
      <source>{} – {}</source>
      <translation>{} – {}</translation>
    </message>
    <message>
      <source>Neighbourhood {}: all works by horizon</source>
      <translation>Wijk {}: alle werken per horizon</translation>
    </message>
    <message>
      <source>Neighbourhood {}</source>
      <translation>Wijk {}</translation>
    </message>
    <message>
      <source>{} · published {}</source>
      <translation>{} · gepubliceerd {}</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>Filters</translation>
    </message>
    <message>
      <source>All stakeholders</source>
      <translation>Alle partijen</translation>
    </message>
    <message>
      <source>All horizons</source>
      <translation>Alle horizonnen</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Jaar</translation>
    </message>
    <message>
      <source>All years</source>
      <translation>Alle jaren</translation>
    </message>
    <message>
      <source>Previous year</source>
      <translation>Vorig jaar</translation>
    </message>
    <message>
      <source>Next year</source>
      <translation>Volgend jaar</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Zoeken</translation>
    </message>
    <message>
      <source>Title, street or work id</source>
      <translation>Titel, straat of werk-id</translation>
    </message>
    <message>
      <source>{} of {} works shown</source>
      <translation>{} van {} werken getoond</translation>
    </message>
    <message>
      <source>Colour works by</source>
      <translation>Werken kleuren naar</translation>
    </message>
    <message>
      <source>No horizon (done, cancelled, undated)</source>
      <translation>Geen horizon (gereed, vervallen, zonder datum)</translation>
    </message>
    <message>
      <source>Challenges</source>
      <translation>Opgaven</translation>
    </message>
    <message>
      <source>Hotspots</source>
      <translation>Knelpunten</translation>
    </message>
    <message>
      <source>Neighbourhoods</source>
      <translation>Wijken</translation>
    </message>
    <message>
      <source>Streets</source>
      <translation>Straten</translation>
    </message>
    <message>
      <source>Background map (internet)</source>
      <translation>Achtergrondkaart (internet)</translation>
    </message>
    <message>
      <source>None (works offline)</source>
      <translation>Geen (werkt offline)</translation>
    </message>
    <message>
      <source>PDOK BRT achtergrondkaart</source>
      <translation>PDOK BRT-achtergrondkaart</translation>
    </message>
    <message>
      <source>OpenStreetMap</source>
      <translation>OpenStreetMap</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Sluiten</translation>
    </message>
    <message>
      <source>Cost estimate</source>
      <translation>Kostenraming</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Omschrijving</translation>
    </message>
    <message>
      <source>Horizon set by the chamber: {} (computed: {})</source>
      <translation>Horizon door de kamer: {} (berekend: {})</translation>
    </message>
    <message>
      <source>Reason: {}</source>
      <translation>Reden: {}</translation>
    </message>
    <message>
      <source>Open findings</source>
      <translation>Open bevindingen</translation>
    </message>
    <message>
      <source>No open findings.</source>
      <translation>Geen open bevindingen.</translation>
    </message>
    <message>
      <source>Loading the findings…</source>
      <translation>De bevindingen worden geladen…</translation>
    </message>
    <message>
      <source>Latest decision: {} on {}</source>
      <translation>Laatste besluit: {} op {}</translation>
    </message>
    <message>
      <source>Action: {}</source>
      <translation>Actie: {}</translation>
    </message>
    <message>
      <source>No decision yet.</source>
      <translation>Nog geen besluit.</translation>
    </message>
    <message>
      <source>Estimated saving: {}</source>
      <translation>Geschatte besparing: {}</translation>
    </message>
    <message>
      <source>Show the other work: {}</source>
      <translation>Toon het andere werk: {}</translation>
    </message>
    <message>
      <source>No works match the filters.</source>
      <translation>Geen werken voldoen aan de filters.</translation>
    </message>
    <message>
      <source>The Dutch translation of the plugin is missing ({}).</source>
      <translation>De Nederlandse vertaling van de plug-in ontbreekt ({}).</translation>
    </message>
    <message>
      <source>Unknown private fields: {}</source>
      <translation>Onbekende privévelden: {}</translation>
    </message>
    <message>
      <source>Unknown language: {}</source>
      <translation>Onbekende taal: {}</translation>
    </message>
    <message>
      <source>The web map's files are missing from the plugin ({}): reinstall it.</source>
      <translation>De bestanden van de webkaart ontbreken in de plug-in ({}): installeer haar opnieuw.</translation>
    </message>
    <message>
      <source>Unknown coordinate reference system: {}</source>
      <translation>Onbekend coördinatenstelsel: {}</translation>
    </message>
    <message>
      <source>&amp;Integrale Programmakamer</source>
      <translation>&amp;Integrale Programmakamer</translation>
    </message>
    <message>
      <source>Programmakamer panel</source>
      <translation>Paneel Programmakamer</translation>
    </message>
    <message>
      <source>New programme…</source>
      <translation>Nieuw programma…</translation>
    </message>
    <message>
      <source>Open programme…</source>
      <translation>Programma openen…</translation>
    </message>
    <message>
      <source>Add stakeholder…</source>
      <translation>Partij toevoegen…</translation>
    </message>
    <message>
      <source>Import delivery…</source>
      <translation>Levering importeren…</translation>
    </message>
    <message>
      <source>Open programme</source>
      <translation>Programma openen</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <source>QGIS was closed in presentation mode: the window layout from before is back.</source>
      <translation>QGIS is in presentatiemodus afgesloten: de vensterindeling van daarvoor is terug.</translation>
    </message>
    <message>
      <source>Open a programme first.</source>
      <translation>Open eerst een programma.</translation>
    </message>
    <message>
      <source>Programme {} opened.</source>
      <translation>Programma {} geopend.</translation>
    </message>
    <message>
      <source>The analyses need the Python package shapely 2.0 or newer (found: {}). Install it for the Python that QGIS uses, e.g. 'python3 -m pip install --user "shapely&gt;=2,&lt;3" "numpy&lt;2"', and restart QGIS.</source>
      <translation>De analyses hebben het Python-pakket shapely 2.0 of nieuwer nodig (gevonden: {}). Installeer het voor de Python van QGIS, bijvoorbeeld met 'python3 -m pip install --user "shapely&gt;=2,&lt;3" "numpy&lt;2"', en start QGIS opnieuw.</translation>
    </message>
    <message>
      <source>Add stakeholder</source>
      <translation>Partij toevoegen</translation>
    </message>
    <message>
      <source>Adds a stakeholder (an organisation or department that owns works) to a programme. When the programme is open in the project, the stakeholder's layer of works is added to its group at once.

Name: unique within the programme.
Discipline: the trade of the stakeholder; new works get it by default.
Colour: #rrggbb, used by the style by stakeholder.
Contact: a person or mailbox.

Programme: the GeoPackage, or a programme in PostGIS (a QGIS connection or a service, and the schema); in PostGIS the stakeholder also gets its group role, which grantlogin gives to the stakeholder's logins.</source>
      <translation>Voegt een partij (een organisatie of afdeling met eigen werken) toe aan een programma. Als het programma in het project geopend is, komt de kaartlaag met werken van de partij meteen in de groep.

Naam: uniek binnen het programma.
Discipline: het vakgebied van de partij; nieuwe werken krijgen die standaard.
Kleur: #rrggbb, gebruikt door de stijl per partij.
Contact: een persoon of mailbox.

Programma: het GeoPackage, of een programma in PostGIS (een QGIS-verbinding of een service, en het schema); in PostGIS krijgt de partij ook haar grouprol, die grantlogin aan de logins van de partij geeft.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Naam</translation>
    </message>
    <message>
      <source>Discipline</source>
      <translation>Discipline</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>Kleur</translation>
    </message>
    <message>
      <source>Stakeholder id</source>
      <translation>Partij-id</translation>
    </message>
    <message>
      <source>Layer added to the open programme.</source>
      <translation>Kaartlaag toegevoegd aan het geopende programma.</translation>
    </message>
    <message>
      <source>Stakeholder {} added with id {}.</source>
      <translation>Partij {} toegevoegd met id {}.</translation>
    </message>
    <message>
      <source>Programme</source>
      <translation>Programma</translation>
    </message>
    <message>
      <source>About {} pairs of works lie within {} m of each other: measuring them would need about {} GiB of memory, more than the {} GiB an analysis may use. Use a smaller distance, or filter the layer (a period, an area, a stakeholder).</source>
      <translation>Ongeveer {} paren werken liggen binnen {} m van elkaar: ze meten zou ongeveer {} GiB geheugen vragen, meer dan de {} GiB die een analyse mag gebruiken. Gebruik een kleinere afstand, of filter de laag (een periode, een gebied, een partij).</translation>
    </message>
    <message>
      <source>Hotspots: about {} grid cells would need about {} GiB of memory, more than the {} GiB an analysis may use. Use a larger cell (at least {} m) or zones, or filter the layer.</source>
      <translation>Knelpunten: ongeveer {} rastercellen zouden ongeveer {} GiB geheugen vragen, meer dan de {} GiB die een analyse mag gebruiken. Gebruik een grotere cel (minstens {} m) of zones, of filter de laag.</translation>
    </message>
    <message>
      <source>Hotspots: counting every year from {} to {} would need about {} GiB of memory, more than the {} GiB an analysis may use. Check the periods of works {} (earliest start) and {} (latest end), or use a larger cell or zones.</source>
      <translation>Knelpunten: elk jaar van {} tot en met {} tellen zou ongeveer {} GiB geheugen vragen, meer dan de {} GiB die een analyse mag gebruiken. Controleer de periodes van de werken {} (vroegste start) en {} (laatste einde), of gebruik een grotere cel of zones.</translation>
    </message>
    <message>
      <source>from {} to {} {}</source>
      <translation>van {} tot en met {} {}</translation>
    </message>
    <message>
      <source>{}: default {} {}; {}.</source>
      <translation>{}: standaard {} {}; {}.</translation>
    </message>
    <message>
      <source>{} and {} more</source>
      <translation>{} en nog {}</translation>
    </message>
    <message>
      <source>{} has no value.</source>
      <translation>{} heeft geen waarde.</translation>
    </message>
    <message>
      <source>{} cannot be {}.</source>
      <translation>{} kan niet {} zijn.</translation>
    </message>
    <message>
      <source>Allowed: {}.</source>
      <translation>Toegestaan: {}.</translation>
    </message>
    <message>
      <source>a whole number from {} to {}</source>
      <translation>een geheel getal van {} tot en met {}</translation>
    </message>
    <message>
      <source>This algorithm needs shapely 2.0 or newer (found: {}).</source>
      <translation>Dit algoritme heeft shapely 2.0 of nieuwer nodig (gevonden: {}).</translation>
    </message>
    <message>
      <source>Cannot create the output folder {}: the folder it goes in is read-only or not accessible.</source>
      <translation>De uitvoermap {} kan niet worden aangemaakt: de map waarin ze moet komen is alleen-lezen of niet toegankelijk.</translation>
    </message>
    <message>
      <source>Analyse programme</source>
      <translation>Programma analyseren</translation>
    </message>
    <message>
      <source>Analysis</source>
      <translation>Analyse</translation>
    </message>
    <message>
      <source>Runs every rule on a programme and merges the results into its findings table in one transaction. A finding keeps its id when it is found again, so the chamber's decisions stay attached; findings that no longer occur are marked obsolete, never deleted. The rule parameters are the programme's rule settings.

Dig-once chance: works of different stakeholders that both dig (or one digs and one renews the surface), within the combine distance, at most the combine window apart. Saving = shared length × cost per metre.
Conflict: works within the conflict distance whose periods overlap, unless the chamber accepted them as a dig-once chance.
Pave before dig: a planned surface renewal before an excavation nearby, within the moratorium years of the surface type.
Moratorium breach: an excavation within the moratorium after a renewal that is done or under way.
Ambition: a work that digs or renews the surface inside a challenge area.
Hotspot: grid cells where in some year at least the minimum number of works run; hindrance = works + 2 × excavations.

Include done and cancelled works: also pair works that are done (renewals that are done always count for the moratorium).
A programme that is read-only or damaged is refused before the analysis starts. Cancel stops at any moment without writing anything: a write under way is rolled back whole. A second analysis of the same programme waits until the first has written its findings.
Outputs: the number of findings per kind.</source>
      <translation>Past alle regels toe op een programma en voegt de uitkomsten in één transactie samen met de bevindingentabel. Een bevinding houdt haar id als zij opnieuw wordt gevonden, zodat de besluiten van de kamer eraan gekoppeld blijven; bevindingen die niet meer voorkomen worden als vervallen gemarkeerd, nooit verwijderd. De regelparameters zijn de regelinstellingen van het programma.

Meekoppelkans: werken van verschillende partijen die allebei graven (of waarvan één graaft en één de verharding vernieuwt), binnen de meekoppelafstand en hoogstens de meekoppelmarge uit elkaar. Besparing = gedeelde lengte × kosten per meter.
Conflict: werken binnen de conflictafstand waarvan de periodes overlappen, tenzij de kamer ze als meekoppelkans heeft aanvaard.
Verkeerde volgorde: een geplande vernieuwing van de verharding vóór een graafwerk in de buurt, binnen de graafrustjaren van het verhardingstype.
Graafrust doorbroken: een graafwerk binnen de graafrust na een vernieuwing die gereed of in uitvoering is.
Ambitie: een werk dat graaft of de verharding vernieuwt binnen een opgavegebied.
Knelpunt: rastercellen waar in een jaar minstens het minimum aantal werken loopt; hinder = werken + 2 × graafwerken.

Gereede en vervallen werken meenemen: ook gereede werken koppelen (gereede vernieuwingen tellen altijd mee voor de graafrust).
Een programma dat alleen-lezen of beschadigd is, wordt geweigerd voordat de analyse begint. Annuleren stopt op elk moment zonder iets te schrijven: een schrijfactie die bezig is, wordt helemaal teruggedraaid. Een tweede analyse van hetzelfde programma wacht tot de eerste haar bevindingen heeft geschreven.
Uitvoer: het aantal bevindingen per soort.</translation>
    </message>
    <message>
      <source>Include done and cancelled works</source>
      <translation>Gereede en vervallen werken meenemen</translation>
    </message>
    <message>
      <source>Cancelled: nothing was written, the findings are as they were.</source>
      <translation>Geannuleerd: er is niets geschreven, de bevindingen zijn zoals ze waren.</translation>
    </message>
    <message>
      <source>Works without a planned start (left out, {}): {}</source>
      <translation>Werken zonder geplande start (weggelaten, {}): {}</translation>
    </message>
    <message>
      <source>Works without a planned end (taken as open-ended, {}): {}</source>
      <translation>Werken zonder gepland einde (als doorlopend behandeld, {}): {}</translation>
    </message>
    <message>
      <source>Works that end before they start (left out, {}): {}</source>
      <translation>Werken die eindigen voordat ze beginnen (weggelaten, {}): {}</translation>
    </message>
    <message>
      <source>{} features without geometry were skipped.</source>
      <translation>{} objecten zonder geometrie zijn overgeslagen.</translation>
    </message>
    <message>
      <source>{} copies of findings (left by two analyses at once) were removed; every finding id is now stored once.</source>
      <translation>{} kopieën van bevindingen (achtergelaten door twee gelijktijdige analyses) zijn verwijderd; elke bevinding-id staat nu één keer opgeslagen.</translation>
    </message>
    <message>
      <source>Invalid geometries repaired ({}): {}</source>
      <translation>Ongeldige geometrieën hersteld ({}): {}</translation>
    </message>
    <message>
      <source>Assign horizons</source>
      <translation>Horizon bepalen</translation>
    </message>
    <message>
      <source>Computes the horizon of every work from its planned start and the programme's reference year (year 1): short = years 1-2, medium = years 3-4, long = year 5 and later. Works in execution, or planned to start before the reference year, count as short. Done and cancelled works, and works without a planned start, get no horizon. Horizons set by the chamber (override) are left as they are.

Outputs: how many works there are, how many changed horizon, and how many open works have no planned start.</source>
      <translation>Berekent de horizon van elk werk uit de geplande start en het programmajaar (jaar 1): kort = jaar 1-2, middellang = jaar 3-4, lang = jaar 5 en later. Werken in uitvoering of met een start vóór het programmajaar tellen als kort. Gereede en vervallen werken en werken zonder geplande start krijgen geen horizon. Een horizon die de kamer zelf heeft gekozen blijft staan.

Uitvoer: het aantal werken, hoeveel van horizon veranderden en hoeveel open werken geen geplande start hebben.</translation>
    </message>
    <message>
      <source>Works that changed horizon</source>
      <translation>Werken met een andere horizon</translation>
    </message>
    <message>
      <source>Open works without a start</source>
      <translation>Open werken zonder start</translation>
    </message>
    <message>
      <source>{} works, {} changed horizon.</source>
      <translation>{} werken, {} van horizon veranderd.</translation>
    </message>
    <message>
      <source>{} open works have no planned start and therefore no horizon.</source>
      <translation>{} open werken hebben geen geplande start en daarom geen horizon.</translation>
    </message>
    <message>
      <source>Copy programme between GeoPackage and PostGIS</source>
      <translation>Programma kopiëren tussen GeoPackage en PostGIS</translation>
    </message>
    <message>
      <source>Copies a whole programme, row for row: works, challenges, findings, decisions, stakeholders, rule settings, moratorium periods, reference layers and styles, and the history of a shared programme (who changed which work or decision when): a snapshot keeps it, and a copy back to PostGIS brings it back as it was.

Direction: from the GeoPackage to PostGIS (to share the programme), or from PostGIS to the GeoPackage (a snapshot to take along or to archive with the board memo).
GeoPackage: the programme file.
PostGIS: a QGIS connection or a service, and the schema of the programme. A copy to PostGIS makes the schema; it must not exist yet.
Overwrite: a copy to a GeoPackage replaces an existing file only when ticked.
Nothing is half written: a failure leaves the target as it was.</source>
      <translation>Kopieert een heel programma, rij voor rij: werken, opgaven, bevindingen, besluiten, partijen, regelinstellingen, graafrustperiodes, referentielagen en stijlen, en de geschiedenis van een gedeeld programma (wie welk werk of besluit wanneer wijzigde): een momentopname bewaart die, en een kopie terug naar PostGIS brengt die terug zoals ze was.

Richting: van het GeoPackage naar PostGIS (om het programma te delen), of van PostGIS naar het GeoPackage (een momentopname om mee te nemen of bij de bestuursnotitie te archiveren).
GeoPackage: het programmabestand.
PostGIS: een QGIS-verbinding of een service, en het schema van het programma. Een kopie naar PostGIS maakt het schema aan; het mag nog niet bestaan.
Overschrijven: een kopie naar een GeoPackage vervangt een bestaand bestand alleen als dit is aangevinkt.
Niets wordt half geschreven: bij een fout blijft het doel zoals het was.</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>Richting</translation>
    </message>
    <message>
      <source>Programme GeoPackage</source>
      <translation>Programma-GeoPackage</translation>
    </message>
    <message>
      <source>Overwrite an existing GeoPackage</source>
      <translation>Een bestaand GeoPackage overschrijven</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>Kopie</translation>
    </message>
    <message>
      <source>GeoPackage to PostGIS</source>
      <translation>GeoPackage naar PostGIS</translation>
    </message>
    <message>
      <source>PostGIS to GeoPackage</source>
      <translation>PostGIS naar GeoPackage</translation>
    </message>
    <message>
      <source>Choose a PostgreSQL connection or a service.</source>
      <translation>Kies een PostgreSQL-verbinding of een service.</translation>
    </message>
    <message>
      <source>Programme copied to {}</source>
      <translation>Programma gekopieerd naar {}</translation>
    </message>
    <message>
      <source>Create programme</source>
      <translation>Programma aanmaken</translation>
    </message>
    <message>
      <source>Creates a new programme GeoPackage with every table of the Integrale Programmakamer: programme, stakeholders, works (lines, areas, points), challenges, findings, decisions, rule settings with their defaults, moratorium periods per surface type, streets and neighbourhoods, and the styles by horizon and by stakeholder.

Programme name and municipality: shown on maps and memos.
Reference year: year 1 of the programme; horizons count from it.
CRS: a projected CRS in metres (default EPSG:28992, RD New).
Output: the .gpkg file. An existing file is not overwritten.

To create the programme in PostGIS instead, give a schema and either a QGIS PostgreSQL connection or a service of pg_service.conf; the output file is then not used. The schema must not exist yet; PostGIS needs the extension postgis in that database. The styles go to QGIS's table public.layer_styles.</source>
      <translation>Maakt een nieuwe programma-GeoPackage met alle tabellen van de Integrale Programmakamer: programma, partijen, werken (lijnen, vlakken, punten), opgaven, bevindingen, besluiten, regelinstellingen met hun standaardwaarden, graafrustperiodes per verhardingstype, straten en wijken, en de stijlen per horizon en per partij.

Programmanaam en gemeente: staan op kaarten en notities.
Programmajaar: jaar 1 van het programma; de horizon telt vanaf dit jaar.
CRS: een geprojecteerd stelsel in meters (standaard EPSG:28992, RD New).
Uitvoer: het .gpkg-bestand. Een bestaand bestand wordt niet overschreven.

Om het programma in PostGIS aan te maken: geef een schema en een QGIS PostgreSQL-verbinding of een service uit pg_service.conf; het uitvoerbestand wordt dan niet gebruikt. Het schema mag nog niet bestaan; de database heeft de extensie postgis nodig. De stijlen komen in QGIS' eigen tabel public.layer_styles.</translation>
    </message>
    <message>
      <source>Programme name</source>
      <translation>Programmanaam</translation>
    </message>
    <message>
      <source>Municipality</source>
      <translation>Gemeente</translation>
    </message>
    <message>
      <source>Reference year</source>
      <translation>Programmajaar</translation>
    </message>
    <message>
      <source>Coordinate reference system</source>
      <translation>Coördinatenstelsel</translation>
    </message>
    <message>
      <source>Programme created: {}</source>
      <translation>Programma aangemaakt: {}</translation>
    </message>
    <message>
      <source>Choose a GeoPackage file, or a schema in PostGIS.</source>
      <translation>Kies een GeoPackage-bestand of een schema in PostGIS.</translation>
    </message>
    <message>
      <source>Export action lists per stakeholder</source>
      <translation>Actielijsten per partij exporteren</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Writes each stakeholder's action list into the output folder, to mail after a session: actielijst-&lt;stakeholder&gt;.pdf per stakeholder (A4 landscape; the file name is the stakeholder's name made safe for every system) and actielijsten.xlsx with a sheet per stakeholder. Each list holds: what changed since the previous list (new, changed, closed works, findings and decisions), its open works by horizon, every open finding that involves one of its works with the other party's name and contact, and the chamber's latest decisions on those findings and its works, or whose action it holds, with the action holder.

The lists are kept in the programme (table action_lists), so the next export can compare; the first list has no changes yet. All files and the kept lists are written together or not at all; lists of stakeholders that are gone are removed from the folder. State: draft or adopted, as on the programme map; empty: the programme's own state.</source>
      <translation>Schrijft de actielijst van elke partij in de uitvoermap, om na een sessie te mailen: actielijst-&lt;partij&gt;.pdf per partij (A4 liggend; de bestandsnaam is de naam van de partij, veilig gemaakt voor elk systeem) en actielijsten.xlsx met een werkblad per partij. Elke lijst bevat: wat er veranderde sinds de vorige lijst (nieuwe, gewijzigde en afgesloten werken, bevindingen en besluiten), de open werken van de partij per horizon, elke open bevinding bij een van haar werken met de naam en het contact van de andere partij, en de laatste besluiten van de kamer over die bevindingen en haar werken, of waarvan zij de actie houdt, met de actiehouder.

De lijsten worden in het programma bewaard (tabel action_lists), zodat de volgende export kan vergelijken; de eerste lijst heeft nog geen wijzigingen. Alle bestanden en de bewaarde lijsten worden samen geschreven of helemaal niet; lijsten van partijen die er niet meer zijn, gaan uit de map. Status: concept of vastgesteld, zoals op de programmakaart; leeg: de eigen status van het programma.</translation>
    </message>
    <message>
      <source>Output folder</source>
      <translation>Uitvoermap</translation>
    </message>
    <message>
      <source>Action lists (Excel)</source>
      <translation>Actielijsten (Excel)</translation>
    </message>
    <message>
      <source>Action lists</source>
      <translation>Actielijsten</translation>
    </message>
    <message>
      <source>Cancelled: the files in the folder are unchanged.</source>
      <translation>Geannuleerd: de bestanden in de map zijn ongewijzigd.</translation>
    </message>
    <message>
      <source>Written: 1 action list and {}.</source>
      <translation>Geschreven: 1 actielijst en {}.</translation>
    </message>
    <message>
      <source>Written: {} action lists and {}.</source>
      <translation>Geschreven: {} actielijsten en {}.</translation>
    </message>
    <message>
      <source>Export programme map and tables</source>
      <translation>Programmakaart en tabellen exporteren</translation>
    </message>
    <message>
      <source>1 page</source>
      <translation>1 pagina</translation>
    </message>
    <message>
      <source>1 page image</source>
      <translation>1 pagina-afbeelding</translation>
    </message>
    <message>
      <source>Writes the city programme for a board memo into the output folder: programmakaart.pdf (one page per view), programmakaart-N.png (a page each, for slides), programma.xlsx (a sheet per horizon, the findings with the chamber's decisions, and a summary per stakeholder with the saving of accepted dig-once chances) and programma-werken.csv / programma-bevindingen.csv (';', UTF-8).

Pages: overview (all horizons) and one per horizon (that horizon in colour, the rest grey), and a page per neighbourhood (wijk) with an overview map of the city, when 'Per neighbourhood' is chosen (the programme's neighbourhoods) or a neighbourhood layer is given (any polygon layer; the name comes from the chosen field, else a field called name, naam or wijknaam, else the first text field; at most 250 pages). Paper: A3 landscape by default, A4 or A0. Resolution: for the PNG pages and raster parts of the PDF (30-600 dpi). State: draft or adopted, shown in the subtitle. When the programme is open in the project, the layout is also added to the project's layouts.</source>
      <translation>Schrijft het programma van de stad voor een collegenota in de uitvoermap: programmakaart.pdf (een pagina per weergave), programmakaart-N.png (een per pagina, voor presentaties), programma.xlsx (een blad per horizon, de bevindingen met de besluiten van de kamer en een overzicht per partij met de besparing van aanvaarde meekoppelkansen) en programma-werken.csv / programma-bevindingen.csv (';', UTF-8).

Pagina's: overzicht (alle horizonnen) en een per horizon (die horizon in kleur, de rest grijs), en een pagina per wijk met een overzichtskaartje van de stad als 'Per wijk' gekozen is (de wijken van het programma) of een wijkenlaag is opgegeven (elke vlakkenlaag; de naam komt uit het gekozen veld, anders een veld name, naam of wijknaam, anders het eerste tekstveld; hoogstens 250 pagina's). Papier: standaard A3 liggend, A4 of A0. Resolutie: voor de PNG-pagina's en gerasterde delen van de PDF (30-600 dpi). Status: concept of vastgesteld, in de ondertitel. Als het programma in het project geopend is, komt de opmaak ook bij de opmaken van het project.</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>Papier</translation>
    </message>
    <message>
      <source>Resolution (dpi)</source>
      <translation>Resolutie (dpi)</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>Pagina's</translation>
    </message>
    <message>
      <source>Neighbourhood layer (a page per neighbourhood)</source>
      <translation>Wijkenlaag (een pagina per wijk)</translation>
    </message>
    <message>
      <source>Neighbourhood name field</source>
      <translation>Veld met de wijknaam</translation>
    </message>
    <message>
      <source>Programme map (PDF)</source>
      <translation>Programmakaart (PDF)</translation>
    </message>
    <message>
      <source>Memo tables (Excel)</source>
      <translation>Tabellen voor de nota (Excel)</translation>
    </message>
    <message>
      <source>{} pages</source>
      <translation>{} pagina's</translation>
    </message>
    <message>
      <source>{} page images</source>
      <translation>{} pagina-afbeeldingen</translation>
    </message>
    <message>
      <source>Short term</source>
      <translation>Korte termijn</translation>
    </message>
    <message>
      <source>Medium term</source>
      <translation>Middellange termijn</translation>
    </message>
    <message>
      <source>Long term</source>
      <translation>Lange termijn</translation>
    </message>
    <message>
      <source>Per neighbourhood</source>
      <translation>Per wijk</translation>
    </message>
    <message>
      <source>Written: {} ({}), {}, {} and {} CSV files.</source>
      <translation>Geschreven: {} ({}), {}, {} en {} CSV-bestanden.</translation>
    </message>
    <message>
      <source>1 neighbourhood without a geometry was skipped.</source>
      <translation>1 wijk zonder geometrie is overgeslagen.</translation>
    </message>
    <message>
      <source>The neighbourhood layer has no outlines.</source>
      <translation>De wijkenlaag heeft geen wijkgrenzen.</translation>
    </message>
    <message>
      <source>Neighbourhoods transformed from {} to {}.</source>
      <translation>Wijken omgezet van {} naar {}.</translation>
    </message>
    <message>
      <source>{} neighbourhoods without a geometry were skipped.</source>
      <translation>{} wijken zonder geometrie zijn overgeslagen.</translation>
    </message>
    <message>
      <source>Find ambitions that can ride along</source>
      <translation>Ambities die kunnen meeliften zoeken</translation>
    </message>
    <message>
      <source>Waardecreatie: a work that opens the ground or renews the surface and intersects a challenge area (heat stress, flooding, energy transition…): a chance to add the ambition's measures while the street is open anyway. Gives the length (lines) or area (polygons) inside the area. Severity = length / 100 m, or area / 1 ha.</source>
      <translation>Waardecreatie: een werk dat de grond opent of de verharding vernieuwt en een opgavegebied snijdt (hittestress, wateroverlast, energietransitie…): een kans om de maatregelen van de ambitie mee te nemen nu de straat toch open gaat. Geeft de lengte (lijnen) of het oppervlak (vlakken) binnen het gebied. Ernst = lengte / 100 m, of oppervlak / 1 ha.</translation>
    </message>
    <message>
      <source>Challenges: polygons; id and title fields are optional (default: the feature id).</source>
      <translation>Opgaven: vlakken; id- en titelveld zijn optioneel (standaard: het object-id).</translation>
    </message>
    <message>
      <source>Challenge areas</source>
      <translation>Opgavegebieden</translation>
    </message>
    <message>
      <source>Challenge id field</source>
      <translation>Veld met opgave-id</translation>
    </message>
    <message>
      <source>Challenge title field</source>
      <translation>Veld met opgavetitel</translation>
    </message>
    <message>
      <source>Find conflicts</source>
      <translation>Conflicten zoeken</translation>
    </message>
    <message>
      <source>Conflicts: two works (of any stakeholders) within the distance of each other whose planned periods overlap: nuisance, capacity and traffic problems. Severity = months of overlap × (1 + shared length / 100 m). Each conflict carries both works' periods (start_a, end_a, start_b, end_b; an open end is empty) and the period they overlap (both_start, both_end).</source>
      <translation>Conflicten: twee werken (van welke partijen ook) binnen de afstand van elkaar waarvan de geplande periodes overlappen: hinder, capaciteit en verkeer. Ernst = maanden overlap × (1 + gedeelde lengte / 100 m). Elk conflict heeft de periodes van beide werken (start_a, end_a, start_b, end_b; een open einde is leeg) en de periode waarin ze overlappen (both_start, both_end).</translation>
    </message>
    <message>
      <source>Distance (m)</source>
      <translation>Afstand (m)</translation>
    </message>
    <message>
      <source>Find dig-once chances</source>
      <translation>Meekoppelkansen zoeken</translation>
    </message>
    <message>
      <source>Meekoppelkansen: two works of different stakeholders, both opening the ground (or one opening the ground and the other renewing the surface), within the distance of each other, whose planned periods overlap or are at most the window apart. Each finding gives the shared length (line work within the distance of the other work), the zone where both works buffered by half the distance overlap, the time gap, whether the flexibility of either work can close it, and an estimated saving: shared length × cost per metre when a line work is involved; for two areas, the zone's area × cost per m²; none for points (indicative figures). The explanation says which: 'meet over 120 m' or 'share 600 m²'. A distance of 0 m finds works that touch or overlap.</source>
      <translation>Meekoppelkansen: twee werken van verschillende partijen die allebei de grond openen (of waarvan één de grond opent en de ander de verharding vernieuwt), binnen de afstand van elkaar, waarvan de geplande periodes overlappen of hoogstens de marge uit elkaar liggen. Elke bevinding geeft de gedeelde lengte (lijnwerk binnen de afstand van het andere werk), de zone waar beide werken, gebufferd met de halve afstand, overlappen, het tijdsverschil, of de flexibiliteit van een van beide werken dat verschil kan overbruggen, en een geschatte besparing: gedeelde lengte × kosten per meter als er een lijnwerk bij is; voor twee vlakken het oppervlak van de zone × kosten per m²; geen voor punten (indicatieve bedragen). De uitleg zegt welke: 'liggen 120 m samen' of 'delen 600 m²'. Een afstand van 0 m vindt werken die elkaar raken of overlappen.</translation>
    </message>
    <message>
      <source>Largest time gap (years)</source>
      <translation>Grootste tijdsverschil (jaren)</translation>
    </message>
    <message>
      <source>Saving per metre (EUR)</source>
      <translation>Besparing per meter (EUR)</translation>
    </message>
    <message>
      <source>Saving per m² between two areas (EUR)</source>
      <translation>Besparing per m² tussen twee vlakken (EUR)</translation>
    </message>
    <message>
      <source>Find hotspots</source>
      <translation>Knelpunten zoeken</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>Raster</translation>
    </message>
    <message>
      <source>Knelpunten: per cell of a square grid (or per zone polygon, e.g. neighbourhoods, when given) and per year: the number of works under way and the number of excavations. Hindrance = works + 2 × excavations. Only cells where some year has at least the minimum number of works are output, with fields per year: works_YYYY, digs_YYYY and hind_YYYY (hindrance). Severity = the highest yearly hindrance.</source>
      <translation>Knelpunten: per cel van een vierkant raster (of per zonevlak, bijvoorbeeld wijken, als die gegeven zijn) en per jaar: het aantal lopende werken en het aantal graafwerken. Hinder = werken + 2 × graafwerken. Alleen cellen waar in een jaar minstens het minimum aantal werken loopt komen in de uitvoer, met velden per jaar: works_JJJJ, digs_JJJJ en hind_JJJJ (hinder). Ernst = de hoogste hinder in een jaar.</translation>
    </message>
    <message>
      <source>Hexagons get the area of the square cells. Zones: optional polygons with an optional name field. First and last year: the years counted; by default every year a work runs, from the earliest start to the last year any work starts or ends (open-ended works count from their start to that year). The result is styled as a heat map of the severity.</source>
      <translation>Zeshoeken krijgen het oppervlak van de vierkante cellen. Zones: optionele vlakken met een optioneel naamveld. Eerste en laatste jaar: de jaren die geteld worden; standaard elk jaar waarin een werk loopt, van de vroegste start tot het laatste jaar waarin een werk begint of eindigt (werken zonder einde tellen vanaf hun start tot dat jaar). Het resultaat krijgt een hittekaartstijl op de ernst.</translation>
    </message>
    <message>
      <source>Cell size (m)</source>
      <translation>Celgrootte (m)</translation>
    </message>
    <message>
      <source>Minimum number of works in a cell and year</source>
      <translation>Minimum aantal werken in een cel en jaar</translation>
    </message>
    <message>
      <source>Squares</source>
      <translation>Vierkanten</translation>
    </message>
    <message>
      <source>Hexagons</source>
      <translation>Zeshoeken</translation>
    </message>
    <message>
      <source>Zones instead of a grid</source>
      <translation>Zones in plaats van een raster</translation>
    </message>
    <message>
      <source>Zone name field</source>
      <translation>Veld met zonenaam</translation>
    </message>
    <message>
      <source>First year (default: the earliest start)</source>
      <translation>Eerste jaar (standaard: de vroegste start)</translation>
    </message>
    <message>
      <source>Last year (default: the last year a work runs)</source>
      <translation>Laatste jaar (standaard: het laatste jaar waarin een werk loopt)</translation>
    </message>
    <message>
      <source>The first year ({}) comes after the last year ({}).</source>
      <translation>Het eerste jaar ({}) ligt na het laatste jaar ({}).</translation>
    </message>
    <message>
      <source>Find moratorium breaches</source>
      <translation>Doorbroken graafrust zoeken</translation>
    </message>
    <message>
      <source>Graafrust: an excavating work that starts within the distance of a surface renewal that is done or under way, less than the moratorium after it ended. Done renewals always count, even when done works are otherwise left out. Severity = moratorium years left.</source>
      <translation>Graafrust: een graafwerk dat binnen de afstand van een gereede of lopende vernieuwing van de verharding begint, minder dan de graafrustperiode na het einde ervan. Gereede vernieuwingen tellen altijd mee, ook als gereede werken verder worden weggelaten. Ernst = resterende graafrustjaren.</translation>
    </message>
    <message>
      <source>Find pave-before-dig errors</source>
      <translation>Verkeerde volgorde zoeken</translation>
    </message>
    <message>
      <source>Pave before dig: a planned surface renewal (not yet done or under way) that ends before an excavating work within the distance starts, with the excavation less than the moratorium after the renewal: the new surface would be broken open. Dig the deepest hole first, pave last. Severity = moratorium years left when the excavation starts.</source>
      <translation>Verkeerde volgorde: een geplande vernieuwing van de verharding (nog niet gereed of in uitvoering) die eindigt voordat een graafwerk binnen de afstand begint, minder dan de graafrustperiode later: de nieuwe verharding zou weer worden opengebroken. Eerst het diepste gat graven, als laatste bestraten. Ernst = resterende graafrustjaren bij de start van het graafwerk.</translation>
    </message>
    <message>
      <source>Moratorium after a renewal (years)</source>
      <translation>Graafrust na een vernieuwing (jaren)</translation>
    </message>
    <message>
      <source>Give a login a role in a PostGIS programme</source>
      <translation>Een login een rol geven in een PostGIS-programma</translation>
    </message>
    <message>
      <source>Makes an existing database login a member of one of the programme's group roles. The database then enforces what it may do.

Stakeholder: reads everything; adds, changes and deletes only the works of its own stakeholder (give the stakeholder id), never the chamber's horizon.
Chamber: sets horizons and overrides, keeps findings, decisions and settings; cannot change a stakeholder's planning.
Viewer: reads.

PostGIS: a QGIS connection or a service, and the schema of the programme; the connection's user must be allowed to grant roles (the programme's administrator). Stakeholders added since the programme was made get their role here too.</source>
      <translation>Maakt een bestaande databaselogin lid van een van de grouprollen van het programma. De database dwingt dan af wat de login mag.

Partij: leest alles; voegt alleen werken van de eigen partij toe, wijzigt en verwijdert alleen die (geef het partij-id), nooit de horizon van de kamer.
Kamer: zet horizons en afwijkingen, beheert bevindingen, besluiten en instellingen; kan de planning van een partij niet wijzigen.
Lezer: leest.

PostGIS: een QGIS-verbinding of een service, en het schema van het programma; de gebruiker van de verbinding moet rollen mogen toekennen (de beheerder van het programma). Partijen die na het aanmaken van het programma zijn toegevoegd, krijgen hier ook hun rol.</translation>
    </message>
    <message>
      <source>Database login</source>
      <translation>Databaselogin</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rol</translation>
    </message>
    <message>
      <source>Stakeholder id (for the stakeholder role)</source>
      <translation>Partij-id (voor de partijrol)</translation>
    </message>
    <message>
      <source>Chamber</source>
      <translation>Kamer</translation>
    </message>
    <message>
      <source>Viewer</source>
      <translation>Lezer</translation>
    </message>
    <message>
      <source>The login is now a member of {}.</source>
      <translation>De login is nu lid van {}.</translation>
    </message>
    <message>
      <source>Import delivery</source>
      <translation>Levering importeren</translation>
    </message>
    <message>
      <source>Imports a stakeholder's delivery of works: a GeoPackage, shapefile, GeoJSON or any other vector file, a CSV (as a Dutch Excel writes it: semicolons, decimal commas, cp1252 or UTF-8) or an Excel workbook (.xlsx). Every value is read as text and then interpreted; every row with a problem is reported and left out. Works are matched with the stakeholder's works by their external reference: new ones are added, known ones changed, and (for a complete delivery) the stakeholder's works the delivery no longer holds are marked withdrawn, never deleted. The chamber's horizon overrides and decisions are never overwritten; a decision on a work whose period or place the delivery changes gets a note. All valid rows are written in one transaction, or none.

Input: the delivery file. Layer / sheet: which layer or sheet (default the first).
Stakeholder: its name or id in the programme; empty when the mapping names the stakeholder of each row (a field mapped to stakeholder_id).
Field mapping (JSON): which source field gives each work field, constants, value maps, date format and the geometry source, for example {"fields": {"external_ref": "kenmerk", "title": "omschrijving", "planned_start": "startjaar", "status": {"constant": "planned"}}, "value_maps": {"status": {"in uitvoering": "in_execution"}, "flag": {"oui": "true"}}, "geometry": {"kind": "xy", "x": "x", "y": "y", "crs": "EPSG:28992"}}. Empty: the mapping saved with the stakeholder's last import.
Save the mapping: keep it for the stakeholder's next delivery.
Encoding, separator: override what is detected for a CSV.
Date format: how dates are written (empty: recognised from the values; ambiguous dates are reported, never guessed).
Complete delivery: the stakeholder's whole list (works it no longer holds are withdrawn); off for a delivery of news only.
Dry run: check and report only; nothing is written.
Report: a workbook with the totals, every problem by row, and what is added, changed and withdrawn.</source>
      <translation>Importeert de levering van werken van een partij: een GeoPackage, shapefile, GeoJSON of een ander vectorbestand, een CSV (zoals een Nederlandse Excel hem schrijft: puntkomma's, decimale komma's, cp1252 of UTF-8) of een Excel-werkmap (.xlsx). Elke waarde wordt als tekst gelezen en dan geïnterpreteerd; elke rij met een probleem wordt gemeld en weggelaten. Werken worden met de werken van de partij verbonden via hun externe referentie: nieuwe worden toegevoegd, bekende gewijzigd, en (bij een volledige levering) worden de werken van de partij die de levering niet meer bevat als ingetrokken gemarkeerd, nooit verwijderd. Horizonafwijkingen en besluiten van de kamer worden nooit overschreven; een besluit over een werk waarvan de levering de periode of plaats wijzigt krijgt een aantekening. Alle geldige rijen worden in één transactie geschreven, of geen.

Invoer: het leveringsbestand. Laag / werkblad: welke laag of welk werkblad (standaard het eerste).
Partij: haar naam of id in het programma; leeg wanneer de koppeling de partij van elke rij noemt (een veld gekoppeld aan stakeholder_id).
Veldkoppeling (JSON): welk bronveld elk veld van een werk geeft, vaste waarden, waardetabellen, datumnotatie en de geometriebron, bijvoorbeeld {"fields": {"external_ref": "kenmerk", "title": "omschrijving", "planned_start": "startjaar", "status": {"constant": "planned"}}, "value_maps": {"status": {"in uitvoering": "in_execution"}, "flag": {"oui": "true"}}, "geometry": {"kind": "xy", "x": "x", "y": "y", "crs": "EPSG:28992"}}. Leeg: de koppeling die bij de vorige import van de partij is bewaard.
Koppeling bewaren: voor de volgende levering van de partij.
Tekenset, scheidingsteken: overschrijven wat voor een CSV wordt herkend.
Datumnotatie: hoe datums geschreven zijn (leeg: herkend uit de waarden; dubbelzinnige datums worden gemeld, nooit geraden).
Volledige levering: de hele lijst van de partij (werken die er niet meer in staan worden ingetrokken); uit voor een levering met alleen nieuws.
Proefrun: alleen controleren en rapporteren; er wordt niets geschreven.
Rapport: een werkmap met de totalen, elk probleem per rij, en wat wordt toegevoegd, gewijzigd en ingetrokken.</translation>
    </message>
    <message>
      <source>Delivery</source>
      <translation>Levering</translation>
    </message>
    <message>
      <source>Layer</source>
      <translation>Laag</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>Werkblad</translation>
    </message>
    <message>
      <source>Stakeholder (name or id)</source>
      <translation>Partij (naam of id)</translation>
    </message>
    <message>
      <source>Field mapping (JSON)</source>
      <translation>Veldkoppeling (JSON)</translation>
    </message>
    <message>
      <source>Save the mapping for the next delivery</source>
      <translation>Koppeling bewaren voor de volgende levering</translation>
    </message>
    <message>
      <source>Encoding</source>
      <translation>Tekenset</translation>
    </message>
    <message>
      <source>Separator</source>
      <translation>Scheidingsteken</translation>
    </message>
    <message>
      <source>Date format</source>
      <translation>Datumnotatie</translation>
    </message>
    <message>
      <source>Complete delivery (withdraw works it lacks)</source>
      <translation>Volledige levering (ontbrekende werken intrekken)</translation>
    </message>
    <message>
      <source>Dry run (check and report only)</source>
      <translation>Proefrun (alleen controleren en rapporteren)</translation>
    </message>
    <message>
      <source>Validation report</source>
      <translation>Controlerapport</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
      <source>Rows read</source>
      <translation>Rijen gelezen</translation>
    </message>
    <message>
      <source>Valid rows</source>
      <translation>Geldige rijen</translation>
    </message>
    <message>
      <source>Rows with problems</source>
      <translation>Rijen met problemen</translation>
    </message>
    <message>
      <source>Works added</source>
      <translation>Werken toegevoegd</translation>
    </message>
    <message>
      <source>Works changed</source>
      <translation>Werken gewijzigd</translation>
    </message>
    <message>
      <source>Works withdrawn</source>
      <translation>Werken ingetrokken</translation>
    </message>
    <message>
      <source>Written (1) or not (0)</source>
      <translation>Geschreven (1) of niet (0)</translation>
    </message>
    <message>
      <source>The programme has no neighbourhoods: whether works lie inside the municipality was not checked.</source>
      <translation>Het programma heeft geen wijken: of werken binnen de gemeente liggen is niet gecontroleerd.</translation>
    </message>
    <message>
      <source>Dry run: nothing was written.</source>
      <translation>Proefrun: er is niets geschreven.</translation>
    </message>
    <message>
      <source>Cancelled: nothing was written.</source>
      <translation>Geannuleerd: er is niets geschreven.</translation>
    </message>
    <message>
      <source>The programme has no stakeholder {} (stakeholders: {}).</source>
      <translation>Het programma heeft geen partij {} (partijen: {}).</translation>
    </message>
    <message>
      <source>No field mapping given, and none saved for this stakeholder: give one (see the help).</source>
      <translation>Geen veldkoppeling opgegeven en er is er geen bewaard voor deze partij: geef er een op (zie de help).</translation>
    </message>
    <message>
      <source>Give the stakeholder, or map a field to stakeholder_id in the mapping.</source>
      <translation>Geef de partij op, of koppel in de veldkoppeling een veld aan stakeholder_id.</translation>
    </message>
    <message>
      <source>{} rows</source>
      <translation>{} rijen</translation>
    </message>
    <message>
      <source>Read {}: {}.</source>
      <translation>{} gelezen: {}.</translation>
    </message>
    <message>
      <source>{} rows read, {} valid, {} with problems (left out).</source>
      <translation>{} rijen gelezen, {} geldig, {} met problemen (weggelaten).</translation>
    </message>
    <message>
      <source>{} works to add, {} to change, {} to withdraw, {} unchanged.</source>
      <translation>{} werken toe te voegen, {} te wijzigen, {} in te trekken, {} ongewijzigd.</translation>
    </message>
    <message>
      <source>No valid rows: nothing was written.</source>
      <translation>Geen geldige rijen: er is niets geschreven.</translation>
    </message>
    <message>
      <source>encoding {}</source>
      <translation>tekenset {}</translation>
    </message>
    <message>
      <source>separator {}</source>
      <translation>scheidingsteken {}</translation>
    </message>
    <message>
      <source>sheet {}</source>
      <translation>werkblad {}</translation>
    </message>
    <message>
      <source>layer {}</source>
      <translation>laag {}</translation>
    </message>
    <message>
      <source>{}: {} rows (rows {}).</source>
      <translation>{}: {} rijen (rijen {}).</translation>
    </message>
    <message>
      <source>Unknown values of {}: {}.</source>
      <translation>Onbekende waarden van {}: {}.</translation>
    </message>
    <message>
      <source>{} works of the stakeholder are not in this delivery and are marked withdrawn: {}. Is it a delivery of news only? Then untick Complete delivery.</source>
      <translation>{} werken van de partij staan niet in deze levering en worden als ingetrokken gemarkeerd: {}. Is het een levering met alleen nieuws? Vink dan Volledige levering uit.</translation>
    </message>
    <message>
      <source>Written to {}.</source>
      <translation>Geschreven naar {}.</translation>
    </message>
    <message>
      <source>an unnamed CRS</source>
      <translation>een naamloos stelsel</translation>
    </message>
    <message>
      <source>The works spread too far for one CRS to measure metres everywhere: choose a Distance CRS or split the layer.</source>
      <translation>De werken liggen te ver uiteen om in één stelsel overal in meters te meten: kies een afstands-CRS of splits de laag.</translation>
    </message>
    <message>
      <source>{} is geographic: distances need a projected CRS in metres.</source>
      <translation>{} is geografisch: afstanden vragen een geprojecteerd stelsel in meters.</translation>
    </message>
    <message>
      <source>{} measures in {}, not in metres.</source>
      <translation>{} meet in {}, niet in meters.</translation>
    </message>
    <message>
      <source>{} distorts distances by {} % where the works lie.</source>
      <translation>{} vertekent afstanden waar de werken liggen met {} %.</translation>
    </message>
    <message>
      <source>The layer {} has no coordinate reference system: set it first.</source>
      <translation>De laag {} heeft geen coördinatenstelsel: stel dat eerst in.</translation>
    </message>
    <message>
      <source>The layer {} has an undefined coordinate reference system ({}): set its CRS (in the Netherlands usually EPSG:28992) and run again.</source>
      <translation>Het coördinatenstelsel van de laag {} is niet gedefinieerd ({}): stel het stelsel in (in Nederland meestal EPSG:28992) en voer opnieuw uit.</translation>
    </message>
    <message>
      <source>The layer {} is in {}, which counts in degrees, but its coordinates are not degrees (for example {} {}): set the layer's right CRS (in the Netherlands usually EPSG:28992).</source>
      <translation>De laag {} staat in {}, dat in graden rekent, maar de coördinaten zijn geen graden (bijvoorbeeld {} {}): stel het juiste stelsel van de laag in (in Nederland meestal EPSG:28992).</translation>
    </message>
    <message>
      <source>Choose a CRS that measures metres there: EPSG:28992 in the Netherlands, elsewhere the UTM zone of the works.</source>
      <translation>Kies een stelsel dat daar in meters meet: EPSG:28992 in Nederland, elders de UTM-zone van de werken.</translation>
    </message>
    <message>
      <source>The works lie outside the area of {}: distances are measured in {} (UTM), the zone of their centre.</source>
      <translation>De werken liggen buiten het gebied van {}: afstanden worden gemeten in {} (UTM), de zone van hun midden.</translation>
    </message>
    <message>
      <source>The layer {} has an undefined coordinate reference system ({}) and its coordinates look like degrees (longitude/latitude): set its CRS (for GPS coordinates EPSG:4326) and run again.</source>
      <translation>Het coördinatenstelsel van de laag {} is niet gedefinieerd ({}) en de coördinaten lijken graden (lengte/breedte): stel het stelsel in (voor GPS-coördinaten EPSG:4326) en voer opnieuw uit.</translation>
    </message>
    <message>
      <source>Programme: the GeoPackage, or a programme in PostGIS (a QGIS connection or a service, and the schema).</source>
      <translation>Programma: de GeoPackage, of een programma in PostGIS (een QGIS-verbinding of een service, en het schema).</translation>
    </message>
    <message>
      <source>PostGIS: QGIS connection</source>
      <translation>PostGIS: QGIS-verbinding</translation>
    </message>
    <message>
      <source>PostGIS: service (pg_service.conf)</source>
      <translation>PostGIS: service (pg_service.conf)</translation>
    </message>
    <message>
      <source>PostGIS: schema of the programme</source>
      <translation>PostGIS: schema van het programma</translation>
    </message>
    <message>
      <source>Name the programme either as a GeoPackage file or as a schema in PostGIS.</source>
      <translation>Geef het programma op als GeoPackage-bestand óf als schema in PostGIS, niet allebei.</translation>
    </message>
    <message>
      <source>Publish as a web map</source>
      <translation>Publiceren als webkaart</translation>
    </message>
    <message>
      <source>Writes the programme as a web map into the output folder: index.html with the map library (OpenLayers), the data and the styles beside it. It opens in any browser from disk or from a web server, without internet; put the folder on the intranet or send it as a zip.

The page shows the works coloured by horizon (or by stakeholder), the challenges, hotspots and accepted dig-once chances, with filters by stakeholder, horizon and year and a search box; clicking a work shows its card with its open findings and the chamber's latest decisions. The streets and neighbourhoods of the programme are the base map; an online background map (PDOK, OpenStreetMap) can be switched on in the page.

Language: of the page when it opens (the reader can switch between Dutch and English). State: draft or adopted, shown under the title. Leave out: private fields that are not published: the contacts (stakeholders' contacts and action holders; left out by default), the costs (cost estimates and savings) and the notes (descriptions of works and decision texts). An earlier publication in the folder is replaced as a whole, or not at all.</source>
      <translation>Schrijft het programma als webkaart in de uitvoermap: index.html met de kaartbibliotheek (OpenLayers), de gegevens en de stijlen ernaast. De kaart opent in elke browser, vanaf schijf of vanaf een webserver, zonder internet; zet de map op het intranet of stuur haar als zip.

De pagina toont de werken gekleurd naar horizon (of naar partij), de opgaven, knelpunten en aanvaarde meekoppelkansen, met filters op partij, horizon en jaar en een zoekvak; een klik op een werk toont zijn kaartje met de open bevindingen en de laatste besluiten van de kamer. De straten en wijken van het programma vormen de ondergrond; een online achtergrondkaart (PDOK, OpenStreetMap) kan in de pagina worden aangezet.

Taal: van de pagina bij het openen (de lezer kan wisselen tussen Nederlands en Engels). Status: concept of vastgesteld, getoond onder de titel. Weglaten: privévelden die niet worden gepubliceerd: de contactgegevens (contactpersonen van partijen en actiehouders; standaard weggelaten), de kosten (kostenramingen en besparingen) en de notities (omschrijvingen van werken en besluitteksten). Een eerdere publicatie in de map wordt als geheel vervangen, of helemaal niet.</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Taal</translation>
    </message>
    <message>
      <source>Leave out</source>
      <translation>Weglaten</translation>
    </message>
    <message>
      <source>Web map (index.html)</source>
      <translation>Webkaart (index.html)</translation>
    </message>
    <message>
      <source>Dutch</source>
      <translation>Nederlands</translation>
    </message>
    <message>
      <source>English</source>
      <translation>Engels</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>Contactgegevens</translation>
    </message>
    <message>
      <source>Costs</source>
      <translation>Kosten</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notities</translation>
    </message>
    <message>
      <source>Published {}: {} works, {} open findings.</source>
      <translation>{} gepubliceerd: {} werken, {} open bevindingen.</translation>
    </message>
    <message>
      <source>Rules on any layer</source>
      <translation>Regels op elke laag</translation>
    </message>
    <message>
      <source>Input: works as lines, polygons or points. Each of the following is a field or an expression (for example "boekjaar" + 1). Work id: features with the same value are one work with several footprints (default, and for an empty id: each feature is a work). Stakeholder: works of one stakeholder never combine (default, and for an empty value: every work its own stakeholder). Start and end: dates, years (2027), 'Q3 2027', '14-09-2027'; a year or quarter covers all of it; without an end field a work lasts its start's period, an empty end is open-ended and an end before the start is left out, both reported. Status: 'done' and 'cancelled' are left out unless included. Opens the ground / renews the surface: yes/no fields (ja/nee, 1/0, true/false).</source>
      <translation>Invoer: werken als lijnen, vlakken of punten. Elk van de volgende is een veld of een expressie (bijvoorbeeld "boekjaar" + 1). Werk-id: objecten met dezelfde waarde zijn één werk met meerdere delen (standaard, en bij een lege id: elk object is een werk). Partij: werken van één partij koppelen nooit met elkaar (standaard, en bij een lege waarde: elk werk een eigen partij). Start en einde: datums, jaartallen (2027), 'Q3 2027', '14-09-2027'; een jaar of kwartaal telt helemaal mee; zonder eindveld duurt een werk de periode van zijn start, een leeg einde loopt door en een einde vóór de start wordt weggelaten, beide gemeld. Status: 'done' en 'cancelled' worden weggelaten tenzij meegenomen. Graaft open / vernieuwt verharding: ja/nee-velden (ja/nee, 1/0, true/false).</translation>
    </message>
    <message>
      <source>Dates are read as written in the Netherlands: 05-06-2027 is 5 June 2027 (day-month-year, also with / or .); 2027/06/05 and 2027-06-05 are year-month-day. A two-digit year behind a two-digit day and month (03-04-05) can be read two ways: such dates are listed per work and the work is left out, as are dates that do not exist and years outside 1900–2199. Open-ended works, unknown yes/no words and text read with the wrong encoding (set the layer's encoding) are reported too.</source>
      <translation>Datums worden gelezen zoals in Nederland geschreven: 05-06-2027 is 5 juni 2027 (dag-maand-jaar, ook met / of .); 2027/06/05 en 2027-06-05 zijn jaar-maand-dag. Een jaartal van twee cijfers achter een dag en maand van twee cijfers (03-04-05) is op twee manieren te lezen: zulke datums worden per werk gemeld en het werk wordt weggelaten, net als datums die niet bestaan en jaren buiten 1900–2199. Doorlopende werken, onbekende ja/nee-woorden en tekst die met de verkeerde codering is gelezen (stel de codering van de laag in) worden ook gemeld.</translation>
    </message>
    <message>
      <source>Distance CRS: a projected CRS in metres that distorts distances by at most 1 % where the works lie. Default: the layer's CRS when it qualifies, else EPSG:28992 (RD New) when the works lie in its area (the Netherlands), else the UTM zone of the works' centre; the log says which is used and why. EPSG:3857 (web Mercator) stretches distances by about 60 % in the Netherlands, so it is replaced (or refused when chosen). A layer whose CRS is undefined is refused. A distance of 0 m finds works that touch or overlap. Findings CRS: the findings are in the layer's own CRS unless another is chosen here.</source>
      <translation>Afstands-CRS: een geprojecteerd stelsel in meters dat afstanden waar de werken liggen hooguit 1 % vertekent. Standaard: het stelsel van de laag als dat voldoet, anders EPSG:28992 (RD New) als de werken in het gebied daarvan liggen (Nederland), anders de UTM-zone van het midden van de werken; het logboek zegt welk stelsel gebruikt wordt en waarom. EPSG:3857 (web-Mercator) rekt afstanden in Nederland zo'n 60 % op en wordt daarom vervangen (of geweigerd als het gekozen is). Een laag met een ongedefinieerd stelsel wordt geweigerd. Een afstand van 0 m vindt werken die elkaar raken of overlappen. CRS van de bevindingen: de bevindingen staan in het stelsel van de laag, tenzij hier een ander gekozen is.</translation>
    </message>
    <message>
      <source>Features without a work id in {} ({}), each taken as a work of its own: {}</source>
      <translation>Objecten zonder werk-id in {} ({}), elk als eigen werk genomen: {}</translation>
    </message>
    <message>
      <source>Features without a stakeholder in {} ({}), each taken as its own stakeholder: {}</source>
      <translation>Objecten zonder partij in {} ({}), elk als eigen partij genomen: {}</translation>
    </message>
    <message>
      <source>not a date, year or quarter</source>
      <translation>geen datum, jaar of kwartaal</translation>
    </message>
    <message>
      <source>no such date</source>
      <translation>deze datum bestaat niet</translation>
    </message>
    <message>
      <source>year outside 1900–2199</source>
      <translation>jaar buiten 1900–2199</translation>
    </message>
    <message>
      <source>a number, not a year (an Excel date? give the column a date type or write dd-mm-jjjj)</source>
      <translation>een getal, geen jaar (een Excel-datum? geef de kolom een datumtype of schrijf dd-mm-jjjj)</translation>
    </message>
    <message>
      <source>ambiguous: day-month-year or year-month-day? write the year in four digits</source>
      <translation>dubbelzinnig: dag-maand-jaar of jaar-maand-dag? schrijf het jaar in vier cijfers</translation>
    </message>
    <message>
      <source>Distance CRS (metres)</source>
      <translation>CRS voor afstanden (meters)</translation>
    </message>
    <message>
      <source>Findings CRS (default: the layer's)</source>
      <translation>CRS van de bevindingen (standaard: dat van de laag)</translation>
    </message>
    <message>
      <source>Work id (field or expression)</source>
      <translation>Werk-id (veld of expressie)</translation>
    </message>
    <message>
      <source>Stakeholder (field or expression)</source>
      <translation>Partij (veld of expressie)</translation>
    </message>
    <message>
      <source>Planned start (field or expression)</source>
      <translation>Geplande start (veld of expressie)</translation>
    </message>
    <message>
      <source>Planned end (field or expression)</source>
      <translation>Gepland einde (veld of expressie)</translation>
    </message>
    <message>
      <source>Status (field or expression)</source>
      <translation>Status (veld of expressie)</translation>
    </message>
    <message>
      <source>Opens the ground, yes/no (field or expression)</source>
      <translation>Graaft open, ja/nee (veld of expressie)</translation>
    </message>
    <message>
      <source>Renews the surface, yes/no (field or expression)</source>
      <translation>Vernieuwt verharding, ja/nee (veld of expressie)</translation>
    </message>
    <message>
      <source>Surface type (field or expression)</source>
      <translation>Verhardingstype (veld of expressie)</translation>
    </message>
    <message>
      <source>Choose the field with the planned start (a date or a year).</source>
      <translation>Kies het veld met de geplande start (een datum of een jaartal).</translation>
    </message>
    <message>
      <source>Works without a planned start, left out ({}): {}</source>
      <translation>Werken zonder geplande start, weggelaten ({}): {}</translation>
    </message>
    <message>
      <source>Works without a planned end, taken as open-ended ({}): {}</source>
      <translation>Werken zonder gepland einde, als doorlopend genomen ({}): {}</translation>
    </message>
    <message>
      <source>Works that end before they start, left out ({}): {}</source>
      <translation>Werken die eindigen vóór hun start, weggelaten ({}): {}</translation>
    </message>
    <message>
      <source>polygon</source>
      <translation>vlak</translation>
    </message>
    <message>
      <source>line</source>
      <translation>lijn</translation>
    </message>
    <message>
      <source>point</source>
      <translation>punt</translation>
    </message>
    <message>
      <source>Works are transformed from {} to {} for the distances.</source>
      <translation>Werken worden voor de afstanden omgezet van {} naar {}.</translation>
    </message>
    <message>
      <source>None of the {} works has a planned start: choose the field or expression that holds it.</source>
      <translation>Geen van de {} werken heeft een geplande start: kies het veld of de expressie waarin die staat.</translation>
    </message>
    <message>
      <source>{} findings.</source>
      <translation>{} bevindingen.</translation>
    </message>
    <message>
      <source>The expression for {} cannot be read ({}): {}</source>
      <translation>De expressie voor {} kan niet gelezen worden ({}): {}</translation>
    </message>
    <message>
      <source>The layer has no field {}; its fields are: {}</source>
      <translation>De laag heeft geen veld {}; de velden zijn: {}</translation>
    </message>
    <message>
      <source>Features of layer {} without geometry, skipped: {}</source>
      <translation>Objecten van laag {} zonder geometrie, overgeslagen: {}</translation>
    </message>
    <message>
      <source>The expression {} failed on features, taken as empty ({}): {}</source>
      <translation>De expressie {} mislukte op objecten, als leeg genomen ({}): {}</translation>
    </message>
    <message>
      <source>Features of layer {} that cannot be transformed to {}, skipped ({}): {}</source>
      <translation>Objecten van laag {} die niet naar {} om te zetten zijn, overgeslagen ({}): {}</translation>
    </message>
    <message>
      <source>Geometry collections in layer {} taken apart into their areas, lines and points ({}): features {}</source>
      <translation>Geometrieverzamelingen in laag {} uiteengenomen in hun vlakken, lijnen en punten ({}): objecten {}</translation>
    </message>
    <message>
      <source>Field {} holds statuses that are not the programme's, those works taken as planned ({}): {}</source>
      <translation>Veld {} bevat statussen die niet die van het programma zijn, die werken gelden als gepland ({}): {}</translation>
    </message>
    <message>
      <source>None of the {} works has a planned start or end that can be read, so no rule can compare them ({} dates cannot be read, listed above; the first: {}).</source>
      <translation>Geen van de {} werken heeft een leesbare geplande start of einde, dus geen regel kan ze vergelijken ({} datums zijn niet te lezen, hierboven opgesomd; de eerste: {}).</translation>
    </message>
    <message>
      <source>Dates that cannot be read, their works left out ({}): {}</source>
      <translation>Datums die niet te lezen zijn, hun werken weggelaten ({}): {}</translation>
    </message>
    <message>
      <source>{} start '{}': {}</source>
      <translation>{} start '{}': {}</translation>
    </message>
    <message>
      <source>{} end '{}': {}</source>
      <translation>{} einde '{}': {}</translation>
    </message>
    <message>
      <source>Field {} holds values not read as yes or no, taken as no ({}): {}</source>
      <translation>Veld {} bevat waarden die niet als ja of nee te lezen zijn, als nee genomen ({}): {}</translation>
    </message>
    <message>
      <source>Geometries that changed type when repaired, measured as what they became ({}): {}</source>
      <translation>Geometrieën die bij herstel van soort veranderden, gemeten als wat ze werden ({}): {}</translation>
    </message>
    <message>
      <source>Writing the findings failed: {}</source>
      <translation>Het schrijven van de bevindingen is mislukt: {}</translation>
    </message>
    <message>
      <source>Field {} of layer {} holds text read with the wrong encoding ({}), for example '{}': set the layer's encoding (Layer Properties › Source; Dutch Excel saves windows-1252) and run again.</source>
      <translation>Veld {} van laag {} bevat tekst die met de verkeerde codering is gelezen ({}), bijvoorbeeld '{}': stel de codering van de laag in (Laageigenschappen › Bron; Nederlandse Excel bewaart windows-1252) en voer opnieuw uit.</translation>
    </message>
    <message>
      <source>Unknown role: {}</source>
      <translation>Onbekende rol: {}</translation>
    </message>
    <message>
      <source>The database has no login named {}.</source>
      <translation>De database heeft geen login met de naam {}.</translation>
    </message>
    <message>
      <source>The programme has no stakeholder with id {}.</source>
      <translation>Het programma heeft geen partij met id {}.</translation>
    </message>
    <message>
      <source>Findings: {}. New {}, changed {}, unchanged {}, no longer found {}.</source>
      <translation>Bevindingen: {}. Nieuw {}, gewijzigd {}, ongewijzigd {}, niet meer gevonden {}.</translation>
    </message>
    <message>
      <source>Another analysis is writing to this programme: waiting until it has finished.</source>
      <translation>Een andere analyse schrijft naar dit programma: wachten tot die klaar is.</translation>
    </message>
    <message>
      <source>The rule setting {} has no value: set it in the panel's Settings tab.</source>
      <translation>De regelinstelling {} heeft geen waarde: vul haar in op het tabblad Instellingen van het paneel.</translation>
    </message>
    <message>
      <source>The moratorium for {} has no number of years: set it in the panel's Settings tab.</source>
      <translation>De graafrust voor {} heeft geen aantal jaren: vul het in op het tabblad Instellingen van het paneel.</translation>
    </message>
    <message>
      <source>Cannot open table {} of {}.</source>
      <translation>Tabel {} van {} kan niet worden geopend.</translation>
    </message>
    <message>
      <source>Table {} of {} changed while it was read.</source>
      <translation>Tabel {} van {} veranderde tijdens het lezen.</translation>
    </message>
    <message>
      <source>Copy from a GeoPackage to PostGIS or from PostGIS to a file.</source>
      <translation>Kopieer van een GeoPackage naar PostGIS of van PostGIS naar een bestand.</translation>
    </message>
    <message>
      <source>Cannot store the style {} of {}.</source>
      <translation>Kan de stijl {} van {} niet opslaan.</translation>
    </message>
    <message>
      <source>The field mapping is not valid JSON: {}</source>
      <translation>De veldkoppeling is geen geldige JSON: {}</translation>
    </message>
    <message>
      <source>The field mapping cannot be read: {}</source>
      <translation>De veldkoppeling kan niet gelezen worden: {}</translation>
    </message>
    <message>
      <source>A delivery cannot fill these fields: {}</source>
      <translation>Een levering kan deze velden niet vullen: {}</translation>
    </message>
    <message>
      <source>Unknown kind of geometry source: {} (source, wkt, geojson, xy, streets, none).</source>
      <translation>Onbekende soort geometriebron: {} (source, wkt, geojson, xy, streets, none).</translation>
    </message>
    <message>
      <source>A geometry from {} needs its column(s).</source>
      <translation>Een geometrie uit {} heeft zijn kolom(men) nodig.</translation>
    </message>
    <message>
      <source>Unknown date format: {}</source>
      <translation>Onbekende datumnotatie: {}</translation>
    </message>
    <message>
      <source>no geometry</source>
      <translation>geen geometrie</translation>
    </message>
    <message>
      <source>invalid geometry that cannot be repaired</source>
      <translation>ongeldige geometrie die niet te herstellen is</translation>
    </message>
    <message>
      <source>geometry cannot be read or placed</source>
      <translation>geometrie niet te lezen of te plaatsen</translation>
    </message>
    <message>
      <source>a mix of points, lines and areas</source>
      <translation>een mengsel van punten, lijnen en vlakken</translation>
    </message>
    <message>
      <source>outside the municipality</source>
      <translation>buiten de gemeente</translation>
    </message>
    <message>
      <source>ends before it starts</source>
      <translation>eindigt voor het begint</translation>
    </message>
    <message>
      <source>unknown stakeholder</source>
      <translation>onbekende partij</translation>
    </message>
    <message>
      <source>unknown discipline</source>
      <translation>onbekende discipline</translation>
    </message>
    <message>
      <source>unknown status</source>
      <translation>onbekende status</translation>
    </message>
    <message>
      <source>unknown surface type</source>
      <translation>onbekend verhardingstype</translation>
    </message>
    <message>
      <source>not a yes/no value</source>
      <translation>geen ja/nee-waarde</translation>
    </message>
    <message>
      <source>reference occurs more than once</source>
      <translation>referentie komt meer dan eens voor</translation>
    </message>
    <message>
      <source>required field is empty</source>
      <translation>verplicht veld is leeg</translation>
    </message>
    <message>
      <source>date cannot be read</source>
      <translation>datum niet te lezen</translation>
    </message>
    <message>
      <source>date can be read in two ways</source>
      <translation>datum is op twee manieren te lezen</translation>
    </message>
    <message>
      <source>not a number</source>
      <translation>geen getal</translation>
    </message>
    <message>
      <source>number can be read in two ways (decimal point or thousands)</source>
      <translation>getal is op twee manieren te lezen (decimaalteken of duizendtallen)</translation>
    </message>
    <message>
      <source>formula error in the cell</source>
      <translation>formulefout in de cel</translation>
    </message>
    <message>
      <source>text too long</source>
      <translation>tekst te lang</translation>
    </message>
    <message>
      <source>wrong number of cells (found/expected)</source>
      <translation>verkeerd aantal cellen (gevonden/verwacht)</translation>
    </message>
    <message>
      <source>invalid geometry repaired (imported)</source>
      <translation>ongeldige geometrie hersteld (geïmporteerd)</translation>
    </message>
    <message>
      <source>hidden row in the workbook (imported)</source>
      <translation>verborgen rij in de werkmap (geïmporteerd)</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>Problemen</translation>
    </message>
    <message>
      <source>Street names are found on a street layer in the import wizard only: import this delivery with Plugins &gt; Integrale Programmakamer &gt; Import delivery…</source>
      <translation>Straatnamen worden alleen in de importwizard op een stratenlaag gevonden: importeer deze levering met Plugins &gt; Integrale Programmakamer &gt; Levering importeren…</translation>
    </message>
    <message>
      <source>Rows with problems (not imported)</source>
      <translation>Rijen met problemen (niet geïmporteerd)</translation>
    </message>
    <message>
      <source>Rows with warnings (imported)</source>
      <translation>Rijen met waarschuwingen (geïmporteerd)</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Probleem</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>Rijen</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>Rij</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Veld</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Waarde</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>Geïmporteerd</translation>
    </message>
    <message>
      <source>The programme changed since the delivery was checked: check it again.</source>
      <translation>Het programma is gewijzigd sinds de levering werd gecontroleerd: controleer haar opnieuw.</translation>
    </message>
    <message>
      <source>Municipality area unknown (no neighbourhoods): not checked</source>
      <translation>Gebied van de gemeente onbekend (geen wijken): niet gecontroleerd</translation>
    </message>
    <message>
      <source>Works unchanged</source>
      <translation>Werken ongewijzigd</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Referentie</translation>
    </message>
    <message>
      <source>Old</source>
      <translation>Oud</translation>
    </message>
    <message>
      <source>File not found: {}</source>
      <translation>Bestand niet gevonden: {}</translation>
    </message>
    <message>
      <source>{} is an old Excel file (.xls): save it as .xlsx in Excel and import that.</source>
      <translation>{} is een oud Excel-bestand (.xls): sla het in Excel op als .xlsx en importeer dat.</translation>
    </message>
    <message>
      <source>{} holds no rows.</source>
      <translation>{} bevat geen rijen.</translation>
    </message>
    <message>
      <source>A separator is one character, not {}.</source>
      <translation>Een scheidingsteken is één teken, niet {}.</translation>
    </message>
    <message>
      <source>Sheet {} of {} holds no rows.</source>
      <translation>Werkblad {} van {} bevat geen rijen.</translation>
    </message>
    <message>
      <source>{} could not be read completely; the details are in the log.</source>
      <translation>{} kon niet volledig gelezen worden; de details staan in het logboek.</translation>
    </message>
    <message>
      <source>The coordinates of {} have no coordinate reference system: give it (for example EPSG:4326 for longitude and latitude).</source>
      <translation>De coördinaten van {} hebben geen coördinatenstelsel: geef het op (bijvoorbeeld EPSG:4326 voor lengte- en breedtegraad).</translation>
    </message>
    <message>
      <source>{} has no field {} (fields: {}).</source>
      <translation>{} heeft geen veld {} (velden: {}).</translation>
    </message>
    <message>
      <source>no</source>
      <translation>nee</translation>
    </message>
    <message>
      <source>added</source>
      <translation>toegevoegd</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>ingetrokken</translation>
    </message>
    <message>
      <source>{} cannot be read as {}: choose another encoding.</source>
      <translation>{} kan niet als {} gelezen worden: kies een andere tekenset.</translation>
    </message>
    <message>
      <source>{} cannot be read as an Excel workbook (.xlsx).</source>
      <translation>{} kan niet als Excel-werkmap (.xlsx) gelezen worden.</translation>
    </message>
    <message>
      <source>{} has no sheet {} (sheets: {}).</source>
      <translation>{} heeft geen werkblad {} (werkbladen: {}).</translation>
    </message>
    <message>
      <source>{} cannot be read as a table or a map layer.</source>
      <translation>{} kan niet als tabel of kaartlaag gelezen worden.</translation>
    </message>
    <message>
      <source>{} has no geometry: choose a WKT, GeoJSON or x/y column, or match street names.</source>
      <translation>{} heeft geen geometrie: kies een WKT-, GeoJSON- of x/y-kolom, of koppel straatnamen.</translation>
    </message>
    <message>
      <source>{} has no column {}.</source>
      <translation>{} heeft geen kolom {}.</translation>
    </message>
    <message>
      <source>The expression {} cannot be read: {}</source>
      <translation>De expressie {} kan niet gelezen worden: {}</translation>
    </message>
    <message>
      <source>The saved field mapping of this stakeholder cannot be read: {}</source>
      <translation>De bewaarde veldkoppeling van deze partij kan niet gelezen worden: {}</translation>
    </message>
    <message>
      <source>Unknown values of {}</source>
      <translation>Onbekende waarden van {}</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>gewijzigd</translation>
    </message>
    <message>
      <source>geometry</source>
      <translation>geometrie</translation>
    </message>
    <message>
      <source>Cannot write {}: the file or its folder is read-only or locked.</source>
      <translation>Kan {} niet schrijven: het bestand of de map is alleen-lezen of vergrendeld.</translation>
    </message>
    <message>
      <source>{} has no layer {}.</source>
      <translation>{} heeft geen laag {}.</translation>
    </message>
    <message>
      <source>The expression {} failed: {}</source>
      <translation>De expressie {} is mislukt: {}</translation>
    </message>
    <message>
      <source>Another analysis or another program is writing to {}: try again when it has finished.</source>
      <translation>Een andere analyse of een ander programma schrijft naar {}: probeer het opnieuw als die klaar is.</translation>
    </message>
    <message>
      <source>The programme file {} is damaged: restore a copy (for example from a backup). Nothing was written.</source>
      <translation>Het programmabestand {} is beschadigd: zet een kopie terug (bijvoorbeeld uit een back-up). Er is niets geschreven.</translation>
    </message>
    <message>
      <source>The programme file {} is damaged: table {} cannot be read completely. Restore a copy (for example from a backup).</source>
      <translation>Het programmabestand {} is beschadigd: tabel {} kan niet volledig worden gelezen. Zet een kopie terug (bijvoorbeeld uit een back-up).</translation>
    </message>
    <message>
      <source>Table {} of {} has no column {}: it was changed outside the plugin. Restore a copy, or add the column.</source>
      <translation>Tabel {} van {} heeft geen kolom {}: de tabel is buiten de plugin gewijzigd. Zet een kopie terug of voeg de kolom toe.</translation>
    </message>
    <message>
      <source>Saving to {} failed; the details are in the log (tab Programmakamer).</source>
      <translation>Opslaan in {} is mislukt; de details staan in het logboek (tabblad Programmakamer).</translation>
    </message>
    <message>
      <source>Cannot edit {}: the file is read-only or locked.</source>
      <translation>{} kan niet worden bewerkt: het bestand is alleen-lezen of vergrendeld.</translation>
    </message>
    <message>
      <source>The database refused the change to {}: {}</source>
      <translation>De database weigerde de wijziging van {}: {}</translation>
    </message>
    <message>
      <source>Saving to {} failed: the disk is full. Nothing was saved.</source>
      <translation>Opslaan in {} is mislukt: de schijf is vol. Er is niets opgeslagen.</translation>
    </message>
    <message>
      <source>The database does not let you change {}: ask its administrator for a role that may (programmakamer:grantlogin).</source>
      <translation>De database laat u {} niet wijzigen: vraag de beheerder om een rol die dat mag (programmakamer:grantlogin).</translation>
    </message>
    <message>
      <source>Edits of {} in this transaction group are not checked against a colleague's saves: {}</source>
      <translation>Bewerkingen van {} in deze transactiegroep worden niet getoetst aan wat een collega opsloeg: {}</translation>
    </message>
    <message>
      <source>Row {} of {} has no saved state at {}.</source>
      <translation>Rij {} van {} heeft geen opgeslagen stand op {}.</translation>
    </message>
    <message>
      <source>Take the stored horizon</source>
      <translation>Opgeslagen horizon overnemen</translation>
    </message>
    <message>
      <source>Move work to horizon</source>
      <translation>Werk naar horizon verplaatsen</translation>
    </message>
    <message>
      <source>{} – areas</source>
      <translation>{} – vlakken</translation>
    </message>
    <message>
      <source>{} – points</source>
      <translation>{} – punten</translation>
    </message>
    <message>
      <source>By horizon</source>
      <translation>Per horizon</translation>
    </message>
    <message>
      <source>By stakeholder</source>
      <translation>Per partij</translation>
    </message>
    <message>
      <source>Stakeholders</source>
      <translation>Partijen</translation>
    </message>
    <message>
      <source>Reference layers</source>
      <translation>Referentielagen</translation>
    </message>
    <message>
      <source>Programmakamer – {}</source>
      <translation>Programmakamer – {}</translation>
    </message>
    <message>
      <source>A programme in PostGIS needs the name of its schema.</source>
      <translation>Een programma in PostGIS heeft de naam van zijn schema nodig.</translation>
    </message>
    <message>
      <source>A schema name cannot hold a % sign.</source>
      <translation>Een schemanaam kan geen %-teken bevatten.</translation>
    </message>
    <message>
      <source>A programme in PostGIS needs the Python package psycopg2 (Debian/Ubuntu: python3-psycopg2; OSGeo4W: python3-psycopg2).</source>
      <translation>Een programma in PostGIS heeft het Python-pakket psycopg2 nodig (Debian/Ubuntu: python3-psycopg2; OSGeo4W: python3-psycopg2).</translation>
    </message>
    <message>
      <source>QGIS has no PostgreSQL connection to {}; add one, or use a service.</source>
      <translation>QGIS heeft geen PostgreSQL-verbinding met {}; voeg er een toe, of gebruik een service.</translation>
    </message>
    <message>
      <source>The schema name {} is too long: at most {} bytes.</source>
      <translation>De schemanaam {} is te lang: hoogstens {} bytes.</translation>
    </message>
    <message>
      <source>The database already has a schema {}; choose another name.</source>
      <translation>De database heeft al een schema {}; kies een andere naam.</translation>
    </message>
    <message>
      <source>PostGIS does not know SRID {}.</source>
      <translation>PostGIS kent SRID {} niet.</translation>
    </message>
    <message>
      <source>Schema {} lacks columns of this version of the plugin ({}): ask the database administrator to add them.</source>
      <translation>Schema {} mist kolommen van deze versie van de plugin ({}): vraag de databasebeheerder ze toe te voegen.</translation>
    </message>
    <message>
      <source>Schema {} has an empty programme table.</source>
      <translation>Schema {} heeft een lege programmatabel.</translation>
    </message>
    <message>
      <source>{} was made by a newer version of the plugin (schema {}); please update.</source>
      <translation>{} is gemaakt met een nieuwere versie van de plugin (schema {}); werk de plugin bij.</translation>
    </message>
    <message>
      <source>QGIS has no PostgreSQL connection named {}.</source>
      <translation>QGIS heeft geen PostgreSQL-verbinding met de naam {}.</translation>
    </message>
    <message>
      <source>Cannot connect to the database {}: {}</source>
      <translation>Kan geen verbinding maken met de database {}: {}</translation>
    </message>
    <message>
      <source>The database refused the change: {}</source>
      <translation>De database weigerde de wijziging: {}</translation>
    </message>
    <message>
      <source>Schema {} is not a programme of the Integrale Programmakamer (missing tables: {}).</source>
      <translation>Schema {} is geen programma van de Integrale Programmakamer (ontbrekende tabellen: {}).</translation>
    </message>
    <message>
      <source>The programme needs a name.</source>
      <translation>Het programma heeft een naam nodig.</translation>
    </message>
    <message>
      <source>A programme is a GeoPackage: the file name must end in .gpkg.</source>
      <translation>Een programma is een GeoPackage: de bestandsnaam moet op .gpkg eindigen.</translation>
    </message>
    <message>
      <source>A programme needs a name and a municipality.</source>
      <translation>Een programma heeft een naam en een gemeente nodig.</translation>
    </message>
    <message>
      <source>A stakeholder needs a name.</source>
      <translation>Een partij heeft een naam nodig.</translation>
    </message>
    <message>
      <source>{} has {} characters; at most {} fit.</source>
      <translation>{} heeft {} tekens; er passen er hoogstens {}.</translation>
    </message>
    <message>
      <source>{} already exists; choose another name.</source>
      <translation>{} bestaat al; kies een andere naam.</translation>
    </message>
    <message>
      <source>{} is geographic (degrees); a programme needs a projected CRS in metres.</source>
      <translation>{} is geografisch (graden); een programma heeft een geprojecteerd stelsel in meters nodig.</translation>
    </message>
    <message>
      <source>Cannot create table {}: {}</source>
      <translation>Tabel {} kan niet worden aangemaakt: {}</translation>
    </message>
    <message>
      <source>Reference year {} is not a plausible year.</source>
      <translation>Programmajaar {} is geen aannemelijk jaartal.</translation>
    </message>
    <message>
      <source>{} is not a GeoPackage that can be read.</source>
      <translation>{} is geen leesbare GeoPackage.</translation>
    </message>
    <message>
      <source>{} is not a programme of the Integrale Programmakamer (missing tables: {}). The file was not changed.</source>
      <translation>{} is geen programma van de Integrale Programmakamer (ontbrekende tabellen: {}). Het bestand is niet gewijzigd.</translation>
    </message>
    <message>
      <source>{} has an empty programme table.</source>
      <translation>{} heeft een lege programmatabel.</translation>
    </message>
    <message>
      <source>{} lacks tables of its schema ({}): the file is damaged.</source>
      <translation>{} mist tabellen van zijn schema ({}): het bestand is beschadigd.</translation>
    </message>
    <message>
      <source>Unknown discipline: {}</source>
      <translation>Onbekende discipline: {}</translation>
    </message>
    <message>
      <source>Not a colour: {}</source>
      <translation>Geen kleur: {}</translation>
    </message>
    <message>
      <source>The programme already has a stakeholder named {}.</source>
      <translation>Het programma heeft al een partij met de naam {}.</translation>
    </message>
    <message>
      <source>Cannot write in {}: the folder is read-only.</source>
      <translation>Kan niet schrijven in {}: de map is alleen-lezen.</translation>
    </message>
    <message>
      <source>The street layer {} holds no lines or areas: choose a layer of road segments (NWB, OSM) or road parts (BGT).</source>
      <translation>De stratenlaag {} bevat geen lijnen of vlakken: kies een laag met wegvakken (NWB, OSM) of wegdelen (BGT).</translation>
    </message>
    <message>
      <source>Other works</source>
      <translation>Overige werken</translation>
    </message>
    <message>
      <source>Cannot store the styles: {}</source>
      <translation>De stijlen kunnen niet worden opgeslagen: {}</translation>
    </message>
    <message>
      <source>features refused</source>
      <translation>objecten geweigerd</translation>
    </message>
    <message>
      <source>Saving to {} failed: {}</source>
      <translation>Opslaan in {} is mislukt: {}</translation>
    </message>
    <message>
      <source>Programmakamer</source>
      <translation>Programmakamer</translation>
    </message>
    <message>
      <source>Re-analyse</source>
      <translation>Opnieuw analyseren</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Exporteren…</translation>
    </message>
    <message>
      <source>Action lists…</source>
      <translation>Actielijsten…</translation>
    </message>
    <message>
      <source>Each stakeholder's action list after a session</source>
      <translation>De actielijst van elke partij na een sessie</translation>
    </message>
    <message>
      <source>Web map…</source>
      <translation>Webkaart…</translation>
    </message>
    <message>
      <source>Publish the programme as a web map for everyone</source>
      <translation>Publiceer het programma als webkaart voor iedereen</translation>
    </message>
    <message>
      <source>Presentation mode</source>
      <translation>Presentatiemodus</translation>
    </message>
    <message>
      <source>Move to another horizon</source>
      <translation>Naar een andere horizon</translation>
    </message>
    <message>
      <source>Analysing the programme</source>
      <translation>Programma analyseren</translation>
    </message>
    <message>
      <source>Horizons</source>
      <translation>Horizonnen</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Tijdlijn</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Instellingen</translation>
    </message>
    <message>
      <source>Someone else saved another horizon for '{}', which you moved: saving asks which horizon stays.</source>
      <translation>Iemand anders heeft een andere horizon opgeslagen voor '{}', dat u verplaatste: bij opslaan kiest u welke horizon blijft.</translation>
    </message>
    <message>
      <source>Someone else saved another horizon for {} works you moved: saving asks which horizon stays.</source>
      <translation>Iemand anders heeft een andere horizon opgeslagen voor {} werken die u verplaatste: bij opslaan kiest u welke horizon blijft.</translation>
    </message>
    <message>
      <source>Why does the chamber move '{}'?</source>
      <translation>Waarom verplaatst de kamer '{}'?</translation>
    </message>
    <message>
      <source>Why does the chamber move these {} works?</source>
      <translation>Waarom verplaatst de kamer deze {} werken?</translation>
    </message>
    <message>
      <source>What the chamber decided</source>
      <translation>Wat de kamer besloot</translation>
    </message>
    <message>
      <source>Record decision</source>
      <translation>Besluit vastleggen</translation>
    </message>
    <message>
      <source>Programme chamber</source>
      <translation>Programmakamer</translation>
    </message>
    <message>
      <source>Put the work back as it was after this change</source>
      <translation>Zet het werk terug zoals het na deze wijziging was</translation>
    </message>
    <message>
      <source>A snapshot shows the history it carries; put works back in the shared programme.</source>
      <translation>Een momentopname toont de geschiedenis die ze meedraagt; zet werken terug in het gedeelde programma.</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Wanneer</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wie</translation>
    </message>
    <message>
      <source>place changed</source>
      <translation>ligging gewijzigd</translation>
    </message>
    <message>
      <source>History of {} – {}</source>
      <translation>Geschiedenis van {} – {}</translation>
    </message>
    <message>
      <source>{} is back as it was at {}.</source>
      <translation>{} staat weer zoals het was op {}.</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>verwijderd</translation>
    </message>
    <message>
      <source>Move to {}</source>
      <translation>Naar {}</translation>
    </message>
    <message>
      <source>{}: {} works, {}</source>
      <translation>{}: {} werken, {}</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuleren</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Bezig met annuleren…</translation>
    </message>
    <message>
      <source>Next &gt;</source>
      <translation>Volgende &gt;</translation>
    </message>
    <message>
      <source>&lt; Back</source>
      <translation>&lt; Terug</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Importeren</translation>
    </message>
    <message>
      <source>1. The delivery</source>
      <translation>1. De levering</translation>
    </message>
    <message>
      <source>A file or a loaded layer, and the stakeholder who delivered it.</source>
      <translation>Een bestand of een geladen laag, en de partij die het leverde.</translation>
    </message>
    <message>
      <source>2. What the columns mean</source>
      <translation>2. Wat de kolommen betekenen</translation>
    </message>
    <message>
      <source>Which column gives each field, what unknown words mean, where each row lies.</source>
      <translation>Welke kolom elk veld geeft, wat onbekende woorden betekenen, waar elke rij ligt.</translation>
    </message>
    <message>
      <source>3. The check</source>
      <translation>3. De controle</translation>
    </message>
    <message>
      <source>Every row checked; nothing has been written yet.</source>
      <translation>Elke rij gecontroleerd; er is nog niets geschreven.</translation>
    </message>
    <message>
      <source>4. What changes in the programme</source>
      <translation>4. Wat er in het programma verandert</translation>
    </message>
    <message>
      <source>Works matched by their reference: added, changed field by field, withdrawn.</source>
      <translation>Werken gekoppeld op hun kenmerk: toegevoegd, veld voor veld gewijzigd, ingetrokken.</translation>
    </message>
    <message>
      <source>5. Import</source>
      <translation>5. Importeren</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Bestand</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Bladeren…</translation>
    </message>
    <message>
      <source>or a loaded layer</source>
      <translation>of een geladen laag</translation>
    </message>
    <message>
      <source>Sheet / layer</source>
      <translation>Werkblad / laag</translation>
    </message>
    <message>
      <source>Read</source>
      <translation>Lezen</translation>
    </message>
    <message>
      <source>Fields</source>
      <translation>Velden</translation>
    </message>
    <message>
      <source>Values</source>
      <translation>Waarden</translation>
    </message>
    <message>
      <source>Geometry</source>
      <translation>Geometrie</translation>
    </message>
    <message>
      <source>Dates written as</source>
      <translation>Datums geschreven als</translation>
    </message>
    <message>
      <source>Excel day numbers</source>
      <translation>Excel-dagnummers</translation>
    </message>
    <message>
      <source>Geometry from</source>
      <translation>Geometrie uit</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>Kolom</translation>
    </message>
    <message>
      <source>X / longitude</source>
      <translation>X / lengtegraad</translation>
    </message>
    <message>
      <source>Y / latitude</source>
      <translation>Y / breedtegraad</translation>
    </message>
    <message>
      <source>Street layer</source>
      <translation>Stratenlaag</translation>
    </message>
    <message>
      <source>name field</source>
      <translation>naamveld</translation>
    </message>
    <message>
      <source>place field</source>
      <translation>plaatsveld</translation>
    </message>
    <message>
      <source>Street column</source>
      <translation>Straatkolom</translation>
    </message>
    <message>
      <source>place</source>
      <translation>plaats</translation>
    </message>
    <message>
      <source>from street</source>
      <translation>van straat</translation>
    </message>
    <message>
      <source>to street</source>
      <translation>tot straat</translation>
    </message>
    <message>
      <source>Match street names</source>
      <translation>Straatnamen zoeken</translation>
    </message>
    <message>
      <source>Save report as spreadsheet…</source>
      <translation>Rapport opslaan als spreadsheet…</translation>
    </message>
    <message>
      <source>Complete delivery: withdraw the stakeholder's works it no longer holds</source>
      <translation>Volledige levering: werken van de partij die er niet meer in staan worden ingetrokken</translation>
    </message>
    <message>
      <source>Save this mapping for the stakeholder's next delivery</source>
      <translation>Deze koppeling bewaren voor de volgende levering van de partij</translation>
    </message>
    <message>
      <source>(the file above)</source>
      <translation>(het bestand hierboven)</translation>
    </message>
    <message>
      <source>(detect)</source>
      <translation>(herkennen)</translation>
    </message>
    <message>
      <source>(the first)</source>
      <translation>(het eerste)</translation>
    </message>
    <message>
      <source>(recognised from the values)</source>
      <translation>(herkend uit de waarden)</translation>
    </message>
    <message>
      <source>(not used)</source>
      <translation>(niet gebruikt)</translation>
    </message>
    <message>
      <source>the programme's streets</source>
      <translation>de straten van het programma</translation>
    </message>
    <message>
      <source>Deliveries (*.csv *.txt *.tsv *.xlsx *.xlsm *.gpkg *.shp *.geojson *.json *.gml *.kml *.fgb *.tab *.dxf);;All files (*)</source>
      <translation>Leveringen (*.csv *.txt *.tsv *.xlsx *.xlsm *.gpkg *.shp *.geojson *.json *.gml *.kml *.fgb *.tab *.dxf);;Alle bestanden (*)</translation>
    </message>
    <message>
      <source>Matching street names</source>
      <translation>Straatnamen zoeken</translation>
    </message>
    <message>
      <source>Checking the delivery</source>
      <translation>De levering controleren</translation>
    </message>
    <message>
      <source>Save report</source>
      <translation>Rapport opslaan</translation>
    </message>
    <message>
      <source>Comparing with the programme</source>
      <translation>Vergelijken met het programma</translation>
    </message>
    <message>
      <source>exact</source>
      <translation>exact</translation>
    </message>
    <message>
      <source>normalised</source>
      <translation>genormaliseerd</translation>
    </message>
    <message>
      <source>fuzzy</source>
      <translation>bij benadering</translation>
    </message>
    <message>
      <source>ambiguous</source>
      <translation>meerduidig</translation>
    </message>
    <message>
      <source>not found</source>
      <translation>niet gevonden</translation>
    </message>
    <message>
      <source>place not in the street layer</source>
      <translation>plaats niet in de stratenlaag</translation>
    </message>
    <message>
      <source>first cross street not found</source>
      <translation>eerste zijstraat niet gevonden</translation>
    </message>
    <message>
      <source>second cross street not found</source>
      <translation>tweede zijstraat niet gevonden</translation>
    </message>
    <message>
      <source>only one cross street: whole street</source>
      <translation>maar één zijstraat: hele straat</translation>
    </message>
    <message>
      <source>a cross street does not meet the street</source>
      <translation>een zijstraat raakt de straat niet</translation>
    </message>
    <message>
      <source>both cross streets meet at one crossing</source>
      <translation>beide zijstraten komen op één kruising uit</translation>
    </message>
    <message>
      <source>street made of areas: not cut</source>
      <translation>straat uit vlakken: niet ingekort</translation>
    </message>
    <message>
      <source>house numbers not on this street</source>
      <translation>huisnummers niet in deze straat</translation>
    </message>
    <message>
      <source>house numbers placed approximately</source>
      <translation>huisnummers bij benadering geplaatst</translation>
    </message>
    <message>
      <source>Work field</source>
      <translation>Werkveld</translation>
    </message>
    <message>
      <source>Source field</source>
      <translation>Bronveld</translation>
    </message>
    <message>
      <source>or a constant value</source>
      <translation>of een vaste waarde</translation>
    </message>
    <message>
      <source>Value in the delivery</source>
      <translation>Waarde in de levering</translation>
    </message>
    <message>
      <source>Means</source>
      <translation>Betekent</translation>
    </message>
    <message>
      <source>Title or field</source>
      <translation>Titel of veld</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Voor</translation>
    </message>
    <message>
      <source>After</source>
      <translation>Na</translation>
    </message>
    <message>
      <source>the source's own geometry</source>
      <translation>de eigen geometrie van de bron</translation>
    </message>
    <message>
      <source>a WKT column</source>
      <translation>een WKT-kolom</translation>
    </message>
    <message>
      <source>a GeoJSON column</source>
      <translation>een GeoJSON-kolom</translation>
    </message>
    <message>
      <source>x/y or longitude/latitude columns</source>
      <translation>x/y- of lengte-/breedtegraadkolommen</translation>
    </message>
    <message>
      <source>street names, found on a street layer</source>
      <translation>straatnamen, gezocht op een stratenlaag</translation>
    </message>
    <message>
      <source>nothing (rows without geometry are not imported)</source>
      <translation>niets (rijen zonder geometrie worden niet geïmporteerd)</translation>
    </message>
    <message>
      <source>(not in the delivery)</source>
      <translation>(niet in de levering)</translation>
    </message>
    <message>
      <source>yes/no fields</source>
      <translation>ja/nee-velden</translation>
    </message>
    <message>
      <source>(leave unknown: row not imported)</source>
      <translation>(onbekend laten: rij niet geïmporteerd)</translation>
    </message>
    <message>
      <source>Every status, discipline, surface type and yes/no value is known.</source>
      <translation>Elke status, discipline, verhardingssoort en ja/nee-waarde is bekend.</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(geen)</translation>
    </message>
    <message>
      <source>streets</source>
      <translation>straten</translation>
    </message>
    <message>
      <source>Choose the street layer to find the street names on.</source>
      <translation>Kies de stratenlaag waarop de straatnamen gezocht worden.</translation>
    </message>
    <message>
      <source>Choose the column that holds the street names.</source>
      <translation>Kies de kolom met de straatnamen.</translation>
    </message>
    <message>
      <source>Choose the street layer's field with the street names.</source>
      <translation>Kies het veld van de stratenlaag met de straatnamen.</translation>
    </message>
    <message>
      <source>(no geometry: row not imported)</source>
      <translation>(geen geometrie: rij niet geïmporteerd)</translation>
    </message>
    <message>
      <source>Read the delivery first.</source>
      <translation>Lees eerst de levering.</translation>
    </message>
    <message>
      <source>The municipality's area is unknown (no neighbourhoods): not checked.</source>
      <translation>Het gebied van de gemeente is onbekend (geen buurten): niet gecontroleerd.</translation>
    </message>
    <message>
      <source>Choose the stakeholder who delivered it.</source>
      <translation>Kies de partij die het leverde.</translation>
    </message>
    <message>
      <source>Nothing has been written yet. Import writes {} new works, {} changes and {} withdrawals of {} into {} in one transaction: all of it, or nothing when anything fails.</source>
      <translation>Er is nog niets geschreven. Importeren schrijft {} nieuwe werken, {} wijzigingen en {} intrekkingen van {} in {} in één transactie: alles, of niets als er iets misgaat.</translation>
    </message>
    <message>
      <source>Writing the delivery</source>
      <translation>De levering schrijven</translation>
    </message>
    <message>
      <source>Cancelled: the programme is as it was.</source>
      <translation>Geannuleerd: het programma is zoals het was.</translation>
    </message>
    <message>
      <source>The layer {} is not stored in a file the import can read: save it as a GeoPackage first.</source>
      <translation>De laag {} staat niet in een bestand dat de import kan lezen: sla haar eerst op als GeoPackage.</translation>
    </message>
    <message>
      <source>Street as written</source>
      <translation>Straat zoals geschreven</translation>
    </message>
    <message>
      <source>Match</source>
      <translation>Gevonden als</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Remarks</source>
      <translation>Opmerkingen</translation>
    </message>
    <message>
      <source>Street to use</source>
      <translation>Te gebruiken straat</translation>
    </message>
    <message>
      <source>Choose the delivery's file or a loaded layer.</source>
      <translation>Kies het bestand van de levering of een geladen laag.</translation>
    </message>
    <message>
      <source>Reading {}</source>
      <translation>{} lezen</translation>
    </message>
    <message>
      <source>{} rows, {} fields.</source>
      <translation>{} rijen, {} velden.</translation>
    </message>
    <message>
      <source>No geometry of its own.</source>
      <translation>Geen eigen geometrie.</translation>
    </message>
    <message>
      <source>empty: the stakeholder's discipline</source>
      <translation>leeg: de discipline van de partij</translation>
    </message>
    <message>
      <source>The programme has no streets layer.</source>
      <translation>Het programma heeft geen stratenlaag.</translation>
    </message>
    <message>
      <source>{} rows: {} exact, {} normalised, {} fuzzy, {} ambiguous, {} not found; {} have geometry. Fuzzy matches below {} and ambiguous ones wait for your choice.</source>
      <translation>{} rijen: {} exact, {} genormaliseerd, {} bij benadering, {} meerduidig, {} niet gevonden; {} hebben geometrie. Benaderingen onder {} en meerduidige wachten op uw keuze.</translation>
    </message>
    <message>
      <source>{} rows read: {} valid, {} with problems (not imported), {} with warnings (imported).</source>
      <translation>{} rijen gelezen: {} geldig, {} met problemen (niet geïmporteerd), {} met waarschuwingen (geïmporteerd).</translation>
    </message>
    <message>
      <source>{} works added, {} changed, {} withdrawn, {} unchanged.</source>
      <translation>{} werken toegevoegd, {} gewijzigd, {} ingetrokken, {} ongewijzigd.</translation>
    </message>
    <message>
      <source>Delivery {} imported: {} works added, {} changed, {} withdrawn.</source>
      <translation>Levering {} geïmporteerd: {} werken toegevoegd, {} gewijzigd, {} ingetrokken.</translation>
    </message>
    <message>
      <source>{} system</source>
      <translation>{}-systeem</translation>
    </message>
    <message>
      <source>Encoding {} and separator {} detected (change them above if the preview is wrong).</source>
      <translation>Codering {} en scheidingsteken {} herkend (pas ze hierboven aan als het voorbeeld niet klopt).</translation>
    </message>
    <message>
      <source>Sheet {}.</source>
      <translation>Werkblad {}.</translation>
    </message>
    <message>
      <source>Layer {}.</source>
      <translation>Laag {}.</translation>
    </message>
    <message>
      <source>Coordinates in {}.</source>
      <translation>Coördinaten in {}.</translation>
    </message>
    <message>
      <source>The field mapping of {}'s last delivery is used.</source>
      <translation>De veldkoppeling van de vorige levering van {} wordt gebruikt.</translation>
    </message>
    <message>
      <source>No saved field mapping for {}: the mapping is suggested from the names.</source>
      <translation>Geen bewaarde veldkoppeling voor {}: de koppeling is voorgesteld op basis van de namen.</translation>
    </message>
    <message>
      <source>The field mapping of {}'s last delivery is used, but this delivery has no column {}: choose what takes its place.</source>
      <translation>De veldkoppeling van de vorige levering van {} wordt gebruikt, maar deze levering heeft geen kolom {}: kies wat ervoor in de plaats komt.</translation>
    </message>
    <message>
      <source>Values ({} unknown)</source>
      <translation>Waarden ({} onbekend)</translation>
    </message>
    <message>
      <source>{} values of the delivery are not known to the programme: choose what each means, or leave it unknown (its rows are reported and not imported).</source>
      <translation>{} waarden uit de levering kent het programma niet: kies wat elke waarde betekent, of laat haar onbekend (die rijen worden gemeld en niet geïmporteerd).</translation>
    </message>
    <message>
      <source>The first {} of {} problems; the saved report holds them all.</source>
      <translation>De eerste {} van {} problemen; het opgeslagen rapport bevat ze allemaal.</translation>
    </message>
    <message>
      <source>Added ({})</source>
      <translation>Toegevoegd ({})</translation>
    </message>
    <message>
      <source>Changed ({})</source>
      <translation>Gewijzigd ({})</translation>
    </message>
    <message>
      <source>Withdrawn ({})</source>
      <translation>Ingetrokken ({})</translation>
    </message>
    <message>
      <source>Unexpected problem: {} (details in the log panel, tab {})</source>
      <translation>Onverwacht probleem: {} (details in het logpaneel, tabblad {})</translation>
    </message>
    <message>
      <source>moved</source>
      <translation>verplaatst</translation>
    </message>
    <message>
      <source>Since you moved these works, someone else saved another horizon for them. Which horizon stays?</source>
      <translation>Sinds u deze werken verplaatste, heeft iemand anders er een andere horizon voor opgeslagen. Welke horizon blijft?</translation>
    </message>
    <message>
      <source>Someone else changed these works</source>
      <translation>Iemand anders heeft deze werken gewijzigd</translation>
    </message>
    <message>
      <source>Keep mine</source>
      <translation>Mijn horizon houden</translation>
    </message>
    <message>
      <source>Take theirs</source>
      <translation>Die van de ander overnemen</translation>
    </message>
    <message>
      <source>the computed horizon</source>
      <translation>de berekende horizon</translation>
    </message>
    <message>
      <source>{}: yours {}, now stored {}</source>
      <translation>{}: de uwe {}, nu opgeslagen {}</translation>
    </message>
    <message>
      <source>and {} more</source>
      <translation>en nog {}</translation>
    </message>
    <message>
      <source>Severity: higher is more urgent; each kind's formula is in its algorithm's help</source>
      <translation>Ernst: hoger is dringender; de formule per soort staat in de help van het algoritme</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>Bevinding</translation>
    </message>
    <message>
      <source>Saving</source>
      <translation>Besparing</translation>
    </message>
    <message>
      <source>Set by the chamber: {}</source>
      <translation>Gekozen door de kamer: {}</translation>
    </message>
    <message>
      <source>{} ({} works, {})</source>
      <translation>{} ({} werken, {})</translation>
    </message>
    <message>
      <source>{}: {}</source>
      <translation>{}: {}</translation>
    </message>
    <message>
      <source>Reference year {}: {} works moved to another horizon.</source>
      <translation>Programmajaar {}: {} werken naar een andere horizon.</translation>
    </message>
    <message>
      <source>Reference year (year 1 of the horizons)</source>
      <translation>Peiljaar (jaar 1 van de horizonnen)</translation>
    </message>
    <message>
      <source>Apply year and recompute horizons</source>
      <translation>Peiljaar toepassen en horizonnen herberekenen</translation>
    </message>
    <message>
      <source>Save settings</source>
      <translation>Instellingen opslaan</translation>
    </message>
    <message>
      <source>Rule settings: used by the next analysis. Each shows its documented default; ↺ puts it back.</source>
      <translation>Regelinstellingen: de volgende analyse gebruikt ze. Bij elke staat de gedocumenteerde standaardwaarde; ↺ zet die terug.</translation>
    </message>
    <message>
      <source>Settings saved; the next analysis uses them.</source>
      <translation>Instellingen opgeslagen; de volgende analyse gebruikt ze.</translation>
    </message>
    <message>
      <source>default {}</source>
      <translation>standaard {}</translation>
    </message>
    <message>
      <source>Back to the default ({})</source>
      <translation>Terug naar de standaardwaarde ({})</translation>
    </message>
    <message>
      <source>Programme: {}</source>
      <translation>Programma: {}</translation>
    </message>
    <message>
      <source>The map shows this year's works</source>
      <translation>De kaart toont de werken van dit jaar</translation>
    </message>
    <message>
      <source>Selected works</source>
      <translation>Geselecteerde werken</translation>
    </message>
    <message>
      <source>Filtered works</source>
      <translation>Gefilterde werken</translation>
    </message>
    <message>
      <source>{}: {} on the timeline</source>
      <translation>{}: {} op de tijdlijn</translation>
    </message>
    <message>
      <source> ({} without a start or beyond the first {} left out)</source>
      <translation> ({} zonder start of voorbij de eerste {} weggelaten)</translation>
    </message>
    <message>
      <source>Search title, street, stakeholder…</source>
      <translation>Zoek op titel, straat, partij…</translation>
    </message>
    <message>
      <source>The map shows only the filtered works</source>
      <translation>De kaart toont alleen de gefilterde werken</translation>
    </message>
    <message>
      <source>from </source>
      <translation>van </translation>
    </message>
    <message>
      <source>to </source>
      <translation>tot </translation>
    </message>
    <message>
      <source>History…</source>
      <translation>Geschiedenis…</translation>
    </message>
    <message>
      <source>Who changed the selected work and when; put it back as it was</source>
      <translation>Wie het gekozen werk wanneer wijzigde; zet het terug zoals het was</translation>
    </message>
    <message>
      <source>All disciplines</source>
      <translation>Alle disciplines</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>Alle statussen</translation>
    </message>
  </context>
</TS>
