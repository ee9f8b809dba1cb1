/** Mail the script sends (the digests), and how much of today's quota is left. */
export const remainingMailQuota = () => MailApp.getRemainingDailyQuota();

export function sendMail(mail: { to: string; subject: string; body: string; htmlBody: string }): void {
  MailApp.sendEmail({ ...mail, name: 'Rapport' });
}
