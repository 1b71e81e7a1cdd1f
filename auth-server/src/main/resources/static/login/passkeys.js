// Passkeys in the browser: sign in with one (the sign-in page, the passkeys page) and add one (the passkeys page).
// Spring Security's WebAuthn endpoints speak the JSON of the WebAuthn specification, byte strings in base64url.
"use strict";
(() => {
  const csrf = {};
  const header = document.querySelector("meta[name=_csrf_header]");
  const token = document.querySelector("meta[name=_csrf]");
  if (header && token) {
    csrf[header.content] = token.content;
  }

  const toBytes = (text) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  const toText = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(answer.detail || "The server refused it (HTTP " + response.status + ").");
    }
    return answer;
  }

  async function signIn() {
    const options = await post("/webauthn/authenticate/options");
    const credential = await navigator.credentials.get({
      publicKey: {
        ...options,
        challenge: toBytes(options.challenge),
        allowCredentials: (options.allowCredentials || []).map((allowed) => ({ ...allowed, id: toBytes(allowed.id) })),
      },
    });
    const response = credential.response;
    const answer = await post("/login/webauthn", {
      id: credential.id,
      rawId: toText(credential.rawId),
      response: {
        authenticatorData: toText(response.authenticatorData),
        clientDataJSON: toText(response.clientDataJSON),
        signature: toText(response.signature),
        userHandle: response.userHandle ? toText(response.userHandle) : undefined,
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
    });
    window.location.href = answer.redirectUrl;
  }

  async function add(label) {
    const options = await post("/webauthn/register/options");
    const credential = await navigator.credentials.create({
      publicKey: {
        ...options,
        challenge: toBytes(options.challenge),
        user: { ...options.user, id: toBytes(options.user.id) },
        excludeCredentials: (options.excludeCredentials || []).map((known) => ({ ...known, id: toBytes(known.id) })),
      },
    });
    const response = credential.response;
    await post("/webauthn/register", {
      publicKey: {
        label,
        credential: {
          id: credential.id,
          rawId: toText(credential.rawId),
          response: {
            attestationObject: toText(response.attestationObject),
            clientDataJSON: toText(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : [],
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment,
        },
      },
    });
  }

  function say(message) {
    const alert = document.getElementById("passkey-problem");
    alert.textContent = message;
    alert.hidden = false;
  }

  if (!window.PublicKeyCredential) {
    return; // the passkey controls stay hidden; a password still works
  }
  for (const part of document.querySelectorAll("[data-passkeys]")) {
    part.hidden = false;
  }
  const signInButton = document.getElementById("passkey-sign-in");
  if (signInButton) {
    signInButton.addEventListener("click", () => signIn().catch(() =>
      say("That passkey did not sign you in. Try again, or sign in with your password.")));
  }
  const addForm = document.getElementById("passkey-add");
  if (addForm) {
    addForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const label = addForm.elements.label.value.trim();
      add(label)
        .then(() => { window.location.href = "/account/passkeys" + (addForm.dataset.required ? "?required" : ""); })
        .catch((problem) => say("The passkey was not added: " + problem.message));
    });
  }
})();
