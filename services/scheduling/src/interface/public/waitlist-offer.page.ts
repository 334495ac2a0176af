import { DateTime } from 'luxon';
import type { WaitlistOfferLinkView } from '../../application/waitlist/waitlist-offer-link';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const when = (instant: Date, zone: string): string =>
  DateTime.fromJSDate(instant, { zone }).setLocale('fr').toFormat("cccc d LLLL yyyy 'à' HH'h'mm");

function page(title: string, content: string): string {
  return (
    '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">' +
    `<title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${content}</main></body></html>\n`
  );
}

/**
 * The page an answer link opens. A GET never answers the offer — mail scanners and link previews follow links — so it
 * shows the slot and a button posting the answer the link names (both when it names none).
 */
export function offerPage(view: WaitlistOfferLinkView, token: string, answer: string | undefined): string {
  const slot =
    `<p>Créneau proposé : <strong>${escape(when(view.startsAt, view.timeZone))}</strong>` +
    (view.siteName ? `, ${escape(view.siteName)}${view.siteAddress ? ` (${escape(view.siteAddress)})` : ''}` : '') +
    '.</p>';
  if (view.status !== 'open' || view.lapsed) return answeredPage(view);
  const action = (verb: 'accept' | 'decline', label: string) =>
    `<form method="post" action="/public/waitlist-offers/${encodeURIComponent(token)}/${verb}">` +
    `<button type="submit">${label}</button></form>`;
  const buttons =
    answer === 'refuser'
      ? action('decline', 'Je refuse ce créneau')
      : answer === 'accepter'
        ? action('accept', 'J’accepte ce rendez-vous')
        : action('accept', 'J’accepte ce rendez-vous') + action('decline', 'Je refuse ce créneau');
  return page(
    'Un rendez-vous plus tôt vous est proposé',
    `${slot}<p>Il vous est réservé jusqu’au ${escape(when(view.expiresAt, view.timeZone))}.</p>${buttons}`,
  );
}

/** After an answer, or for an offer no longer open. */
export function answeredPage(view: WaitlistOfferLinkView): string {
  const at = escape(when(view.startsAt, view.timeZone));
  switch (view.status) {
    case 'accepted':
      return page('Rendez-vous confirmé', `<p>Votre rendez-vous du ${at} est confirmé. Merci.</p>`);
    case 'declined':
      return page('Créneau refusé', `<p>Vous avez refusé le créneau du ${at}. Vous restez sur la liste d’attente.</p>`);
    default:
      return page(
        'Proposition expirée',
        `<p>Le créneau du ${at} n’est plus réservé pour vous : il a été proposé à un autre patient.</p>`,
      );
  }
}

/** A token that names no offer, or an answer refused: said in French, without telling why beyond that. */
export function refusalPage(status: number): string {
  if (status === 404) return page('Lien inconnu', '<p>Ce lien ne correspond à aucune proposition de rendez-vous.</p>');
  if (status === 409)
    return page('Proposition déjà traitée', '<p>Cette proposition a déjà reçu une réponse ou a expiré.</p>');
  return page('Service indisponible', '<p>Le service est momentanément indisponible : réessayez plus tard.</p>');
}
