# The local SMTP catcher of ./backoffice run: aiosmtpd (Debian's python3-aiosmtpd, installed with apt
# when missing; run by Debian's /usr/bin/python3) on a free loopback port, keeping every e-mail the app sends in the Maildir .data/mail.
# It stops when the process that started it ($$, the app after exec) ends.

ensure_mail_catcher() {
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || apt_install python3-aiosmtpd
}

start_mail_catcher() {
  ensure_mail_catcher
  local port=2525
  while port_in_use "$port"; do port=$((port + 1)); done
  mkdir -p "$DATA_DIR/mail/cur" "$DATA_DIR/mail/new" "$DATA_DIR/mail/tmp"
  local owner=$$
  (
    /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$DATA_DIR/mail" >"$DATA_DIR/mail-catcher.log" 2>&1 &
    catcher=$!
    while kill -0 "$owner" 2>/dev/null && kill -0 "$catcher" 2>/dev/null; do sleep 1; done
    kill "$catcher" 2>/dev/null
  ) &
  export Smtp__Host=127.0.0.1 Smtp__Port="$port"
  say "e-mail goes to the local catcher on 127.0.0.1:$port, kept in $DATA_DIR/mail (Maildir)"
}
