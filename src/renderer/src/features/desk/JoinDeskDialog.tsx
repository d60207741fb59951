import { useState } from 'react';
import { Dialog } from '../../app/Dialog';
import { api } from '../../api/client';
import { useFormSubmit } from '../../app/use-form-submit';
import { FormFooter } from '../../app/FormFooter';

/**
 * "Join a desk…": the desk database's address and the checker's own account. The
 * server checks the account before anything is written; the password is kept by the
 * app (the system keychain in the desktop app, memory in the browser shell), never in
 * the data folder in clear.
 */
export function JoinDeskDialog(props: { onClose: () => void; onJoined: () => void }) {
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useFormSubmit(async () => {
    await api['desk:join']({ url: url.trim(), user: user.trim(), password });
    props.onJoined();
  });

  return (
    <Dialog labelledBy="join-desk-title" describedBy="join-desk-about" className="join-desk" onClose={props.onClose} onSubmit={submit}>
      <h2 id="join-desk-title">Join a desk</h2>
      <p id="join-desk-about" className="muted">
        Share verdicts with the other checkers and the editor through the desk’s server. This library stays on this machine and keeps working offline.
      </p>
      <label htmlFor="desk-url">Server address</label>
      <input id="desk-url" type="url" required autoFocus placeholder="https://desk.example.org/newsroom" value={url} onChange={(e) => setUrl(e.target.value)} />
      <label htmlFor="desk-user">User</label>
      <input id="desk-user" required autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
      <label htmlFor="desk-password">Password</label>
      <input id="desk-password" type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <p className="muted desk-password-note">The password is never written to the library folder in clear: the desktop app keeps it encrypted by the system keychain; the browser shell keeps it in memory only.</p>
      <FormFooter error={error} onCancel={props.onClose} busy={busy} submit={busy ? 'Joining…' : 'Join'} />
    </Dialog>
  );
}
