// Reads an iCalendar document on stdin and prints, as JSON, each event's UID, summary, location, description, URL and
// start as a UTC instant,
// as ical.js (the parser calendar web apps use) resolves it from the VTIMEZONE the document carries.
const ICAL = require('ical.js');

let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { text += chunk; });
process.stdin.on('end', () => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }

  const events = calendar.getAllSubcomponents('vevent').map(component => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      description: event.description,
      url: component.getFirstPropertyValue('url'),
      startUtc: event.startDate.toJSDate().toISOString(),
    };
  });
  process.stdout.write(JSON.stringify(events));
});
