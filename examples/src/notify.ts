// Example call sites smslint finds: sendSms(...) argument 0 and client.messages.create({ body }).
declare function sendSms(text: string): Promise<void>;
declare const client: { messages: { create(m: { to: string; body: string }): Promise<void> } };

export async function notify(to: string, name: string): Promise<void> {
  await sendSms('Thanks for signing up! Reply HELP for help or STOP to opt out.');
  await client.messages.create({ to, body: `Hi ${name}, your table is ready. See you soon!` });
  // smslint-template
  const farewell = "We\u2019re sorry to see you go.";
  await sendSms(farewell);
}
