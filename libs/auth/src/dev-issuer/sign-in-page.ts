import type { DevAccount } from './dev-sign-in';

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f1f3f5; color: #212529; }
  main { max-width: 36rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 8px; }
  .warning { background: #fff3bf; border-left: 4px solid #e67700; padding: .75rem 1rem; margin-bottom: 1rem; }
  ul { list-style: none; padding: 0; }
  li { margin: .5rem 0; }
  button { font: inherit; width: 100%; text-align: left; padding: .75rem 1rem; border: 1px solid #adb5bd;
    border-radius: 6px; background: #fff; cursor: pointer; }
  button:hover, button:focus-visible { border-color: #1864ab; outline: 3px solid #a5d8ff; }
  button strong { display: block; }
  label { display: block; margin-top: 1.5rem; font-weight: 600; }
  input { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem; margin: .5rem 0; border: 1px solid #868e96;
    border-radius: 6px; }
  .error { color: #c92a2a; font-weight: 600; }
  .submit { text-align: center; background: #1864ab; color: #fff; border-color: #1864ab; }
`;

/** HTML-escapes text and attribute values (logins and the client's parameters come from the request). */
function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>${content}</main></body>
</html>`;
}

/**
 * The development issuer's sign-in page: one button per demo member, or any e-mail typed in. No password — the banner
 * says this is for development only.
 */
export function signInPage(
  accounts: readonly DevAccount[],
  params: ReadonlyArray<[string, string]>,
  error?: string,
): string {
  const hidden = params
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('');
  const buttons = accounts
    .map(
      (account) =>
        `<li><button type="submit" name="login" value="${escape(account.login)}"><strong>${escape(account.description)}</strong>${escape(account.login)}</button></li>`,
    )
    .join('');
  return page(
    'Connexion — émetteur de développement',
    `<h1>Connexion</h1>
<p class="warning" role="note"><strong>Émetteur de développement.</strong> Cette page sert uniquement en développement :
on se connecte sans mot de passe, en choisissant un membre. En production, la connexion passe par le fournisseur
d'identité de la structure (Keycloak, Pro Santé Connect).</p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
${
  accounts.length
    ? `<h2>Membres de démonstration</h2><form method="post" action="/authorize">${hidden}<ul>${buttons}</ul></form>`
    : ''
}
<form method="post" action="/authorize">
${hidden}
<label for="login">Autre membre (adresse e-mail ou identifiant)</label>
<input id="login" name="login" type="text" autocomplete="username">
<button type="submit" class="submit">Se connecter</button>
</form>`,
  );
}

export function signInRefusedPage(reason: string): string {
  return page(
    'Connexion refusée',
    `<h1>Connexion refusée</h1><p class="error" role="alert">${escape(reason)}</p>
<p>Revenez à l'application et recommencez la connexion.</p>`,
  );
}
