<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
  <context>
    <name>Programmakamer</name>
    <message>
      <source>Legend</source>
      <translation>Legenda</translation>
    </message>
    <message>
      <source>Works</source>
      <translation>Werken</translation>
    </message>
    <message>
      <source>{} · reference year {} · works by horizon</source>
      <translation>{} · programmajaar {} · werken per horizon</translation>
    </message>
    <message>
      <source>The programme {} is not open in the project.</source>
      <translation>Het programma {} is niet geopend in het project.</translation>
    </message>
    <message>
      <source>Could not write the map {}.</source>
      <translation>De kaart {} kon niet worden geschreven.</translation>
    </message>
    <message>
      <source>&amp;Integrale Programmakamer</source>
      <translation>&amp;Integrale Programmakamer</translation>
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
      <source>Open programme</source>
      <translation>Programma openen</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <source>Integrale Programmakamer</source>
      <translation>Integrale Programmakamer</translation>
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
Contact: a person or mailbox.</source>
      <translation>Voegt een partij (een organisatie of afdeling met eigen werken) toe aan een programma. Als het programma in het project geopend is, komt de kaartlaag met werken van de partij meteen in de groep.

Naam: uniek binnen het programma.
Discipline: het vakgebied van de partij; nieuwe werken krijgen die standaard.
Kleur: #rrggbb, gebruikt door de stijl per partij.
Contact: een persoon of mailbox.</translation>
    </message>
    <message>
      <source>Programme</source>
      <translation>Programma</translation>
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
      <source>Contact</source>
      <translation>Contactpersoon</translation>
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
      <source>The distance must be larger than 0 m (got {}).</source>
      <translation>De afstand moet groter zijn dan 0 m (opgegeven: {}).</translation>
    </message>
    <message>
      <source>A distance of {} m is too large: use at most 500 m.</source>
      <translation>Een afstand van {} m is te groot: gebruik hoogstens 500 m.</translation>
    </message>
    <message>
      <source>The time window cannot be negative (got {}).</source>
      <translation>De tijdsmarge kan niet negatief zijn (opgegeven: {}).</translation>
    </message>
    <message>
      <source>The cell size must be at least 10 m (got {}).</source>
      <translation>De celgrootte moet minstens 10 m zijn (opgegeven: {}).</translation>
    </message>
    <message>
      <source>About {} pairs of works would be compared: lower the distance or split the layer.</source>
      <translation>Er zouden ongeveer {} paren werken vergeleken worden: verklein de afstand of splits de laag.</translation>
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

Dig-once chance: works of different stakeholders that both dig (or one digs and one renews the surface), within the combine distance (default 5 m), at most the combine window apart (default 2 years). Saving = shared length × cost per metre.
Conflict: works within the conflict distance whose periods overlap, unless the chamber accepted them as a dig-once chance.
Pave before dig: a planned surface renewal before an excavation nearby, within the moratorium years of the surface type.
Moratorium breach: an excavation within the moratorium after a renewal that is done or under way.
Ambition: a work that digs or renews the surface inside a challenge area.
Hotspot: grid cells (default 250 m) where in some year at least the minimum number of works run (default 4); hindrance = works + 2 × excavations.

Include done and cancelled works: also pair works that are done (renewals that are done always count for the moratorium).
Outputs: the number of findings per kind.</source>
      <translation>Past alle regels toe op een programma en voegt de uitkomsten in één transactie samen met de bevindingentabel. Een bevinding houdt haar id als zij opnieuw wordt gevonden, zodat de besluiten van de kamer eraan gekoppeld blijven; bevindingen die niet meer voorkomen worden als vervallen gemarkeerd, nooit verwijderd. De regelparameters zijn de regelinstellingen van het programma.

Meekoppelkans: werken van verschillende partijen die allebei graven (of waarvan één graaft en één de verharding vernieuwt), binnen de meekoppelafstand (standaard 5 m) en hoogstens de meekoppelmarge uit elkaar (standaard 2 jaar). Besparing = gedeelde lengte × kosten per meter.
Conflict: werken binnen de conflictafstand waarvan de periodes overlappen, tenzij de kamer ze als meekoppelkans heeft aanvaard.
Verkeerde volgorde: een geplande vernieuwing van de verharding vóór een graafwerk in de buurt, binnen de graafrustjaren van het verhardingstype.
Graafrust doorbroken: een graafwerk binnen de graafrust na een vernieuwing die gereed of in uitvoering is.
Ambitie: een werk dat graaft of de verharding vernieuwt binnen een opgavegebied.
Knelpunt: rastercellen (standaard 250 m) waar in een jaar minstens het minimum aantal werken loopt (standaard 4); hinder = werken + 2 × graafwerken.

Gereede en vervallen werken meenemen: ook gereede werken koppelen (gereede vernieuwingen tellen altijd mee voor de graafrust).
Uitvoer: het aantal bevindingen per soort.</translation>
    </message>
    <message>
      <source>Include done and cancelled works</source>
      <translation>Gereede en vervallen werken meenemen</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Samenvatting</translation>
    </message>
    <message>
      <source>Works without a planned start (left out): {}</source>
      <translation>Werken zonder geplande start (weggelaten): {}</translation>
    </message>
    <message>
      <source>Works without a planned end (taken as open-ended): {}</source>
      <translation>Werken zonder gepland einde (als doorlopend behandeld): {}</translation>
    </message>
    <message>
      <source>Works that end before they start (left out): {}</source>
      <translation>Werken die eindigen voordat ze beginnen (weggelaten): {}</translation>
    </message>
    <message>
      <source>Findings: {}. New {}, found again {}, no longer found {}.</source>
      <translation>Bevindingen: {}. Nieuw {}, opnieuw gevonden {}, niet meer gevonden {}.</translation>
    </message>
    <message>
      <source>This algorithm needs shapely 2.0 or newer (found: {}).</source>
      <translation>Dit algoritme heeft shapely 2.0 of nieuwer nodig (gevonden: {}).</translation>
    </message>
    <message>
      <source>{} features without geometry were skipped.</source>
      <translation>{} objecten zonder geometrie zijn overgeslagen.</translation>
    </message>
    <message>
      <source>Invalid geometries repaired for works: {}</source>
      <translation>Ongeldige geometrieën hersteld voor werken: {}</translation>
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
      <source>Create programme</source>
      <translation>Programma aanmaken</translation>
    </message>
    <message>
      <source>Creates a new programme GeoPackage with every table of the Integrale Programmakamer: programme, stakeholders, works (lines, areas, points), challenges, findings, decisions, rule settings with their defaults, moratorium periods per surface type, streets and neighbourhoods, and the styles by horizon and by stakeholder.

Programme name and municipality: shown on maps and memos.
Reference year: year 1 of the programme; horizons count from it.
CRS: a projected CRS in metres (default EPSG:28992, RD New).
Output: the .gpkg file. An existing file is not overwritten.</source>
      <translation>Maakt een nieuwe programma-GeoPackage met alle tabellen van de Integrale Programmakamer: programma, partijen, werken (lijnen, vlakken, punten), opgaven, bevindingen, besluiten, regelinstellingen met hun standaardwaarden, graafrustperiodes per verhardingstype, straten en wijken, en de stijlen per horizon en per partij.

Programmanaam en gemeente: staan op kaarten en notities.
Programmajaar: jaar 1 van het programma; de horizon telt vanaf dit jaar.
CRS: een geprojecteerd stelsel in meters (standaard EPSG:28992, RD New).
Uitvoer: het .gpkg-bestand. Een bestaand bestand wordt niet overschreven.</translation>
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
      <source>Programme GeoPackage</source>
      <translation>Programma-GeoPackage</translation>
    </message>
    <message>
      <source>Programme created: {}</source>
      <translation>Programma aangemaakt: {}</translation>
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
      <source>Cannot open table {} of {}.</source>
      <translation>Tabel {} van {} kan niet worden geopend.</translation>
    </message>
    <message>
      <source>Cannot edit {}: the file is read-only or locked.</source>
      <translation>{} kan niet worden bewerkt: het bestand is alleen-lezen of vergrendeld.</translation>
    </message>
    <message>
      <source>{} already exists; choose another name.</source>
      <translation>{} bestaat al; kies een andere naam.</translation>
    </message>
    <message>
      <source>The folder {} does not exist.</source>
      <translation>De map {} bestaat niet.</translation>
    </message>
    <message>
      <source>Unknown coordinate reference system: {}</source>
      <translation>Onbekend coördinatenstelsel: {}</translation>
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
      <source>File not found: {}</source>
      <translation>Bestand niet gevonden: {}</translation>
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
      <source>{} was made by a newer version of the plugin (schema {}); please update.</source>
      <translation>{} is gemaakt met een nieuwere versie van de plugin (schema {}); werk de plugin bij.</translation>
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
      <source>No horizon (done, cancelled or undated)</source>
      <translation>Geen horizon (gereed, vervallen of zonder datum)</translation>
    </message>
    <message>
      <source>Horizon set by the chamber</source>
      <translation>Horizon gekozen door de kamer</translation>
    </message>
    <message>
      <source>Cannot store the styles: {}</source>
      <translation>De stijlen kunnen niet worden opgeslagen: {}</translation>
    </message>
    <message>
      <source>Open a programme first.</source>
      <translation>Open eerst een programma.</translation>
    </message>
    <message>
      <source>Programme: {}</source>
      <translation>Programma: {}</translation>
    </message>
  </context>
</TS>
