"""Two builds' inbox side by side (docs/INBOX.md): both apps run at once on the seeded backoffice_bench, and each
request of each target goes to one and then the other (the order swapped every request), so the machine's load
falls on both alike. The apps swap their start order every session. Prints each build's median and the median of
the paired differences (new - old) per session, and their mean over sessions.
    bench/inbox-pair.sh OLD_WORKTREE NEW_WORKTREE [requests] [sessions]
"""
import http.client, json, os, re, socket, statistics, subprocess, sys, time, urllib.parse

TARGETS = [('sign-in page (no query)', '/sign-in'), ('inbox page, my tasks', '/inbox'), ('inbox page, team queue', '/inbox?tab=team'),
           ('inbox page, overdue', '/inbox?tab=overdue'), ('inbox list refresh, team', '/inbox?tab=team&handler=list'),
           ('inbox page, done', '/inbox?tab=done'), ('inbox page, a saved view', '/inbox?view=00000000-0000-4000-8000-0000000000b1'),
           ('GET /api/tasks?scope=mine', '/api/tasks?scope=mine'), ('GET /api/tasks?scope=team (500)', '/api/tasks?scope=team')]


WARM_UP = 100


class Reviewer:
    """The demo reviewer signed in to one app: a cookie session for pages, a bearer token for the API."""

    def __init__(self, port):
        self.pages = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
        self.api = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
        self.cookies = {}
        form = self._page('GET', '/sign-in')
        token = re.search(rb'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', form).group(1).decode()
        self._page('POST', '/sign-in', urllib.parse.urlencode({'Username': 'reviewer', 'Password': 'Passw0rd!', '__RequestVerificationToken': token}),
                   {'Content-Type': 'application/x-www-form-urlencoded'})
        self.api.request('POST', '/api/tokens', json.dumps({'username': 'reviewer', 'password': 'Passw0rd!'}), {'Content-Type': 'application/json'})
        self.bearer = json.loads(self.api.getresponse().read())['token']

    def _page(self, method, path, body=None, headers=None):
        headers = dict(headers or {}, Cookie='; '.join(f'{k}={v}' for k, v in self.cookies.items()))
        self.pages.request(method, path, body, headers)
        response = self.pages.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == 'set-cookie':
                key, val = value.split(';', 1)[0].split('=', 1)
                self.cookies[key] = val
        if response.status not in ((200, 302) if method == 'POST' else (200,)):
            raise SystemExit(f'{method} {path}: {response.status}')
        return data

    def timed_get(self, path):
        start = time.perf_counter()
        if path.startswith('/api/'):
            self.api.request('GET', path, headers={'Authorization': 'Bearer ' + self.bearer})
            response = self.api.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f'GET {path}: {response.status}')
        else:
            self._page('GET', path)
        return (time.perf_counter() - start) * 1000


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def start(worktree):
    port = free_port()
    env = dict(os.environ, ASPNETCORE_URLS=f'http://127.0.0.1:{port}', ASPNETCORE_ENVIRONMENT='Development', Backoffice__DemoData='true',
               Backoffice__SignInsPerMinute='10000', Logging__LogLevel__Default='Warning')
    web = os.path.join(worktree, 'src', 'Backoffice.Web')
    app = subprocess.Popen(['dotnet', 'bin/Release/net10.0/Backoffice.Web.dll'], cwd=web, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(180):
        try:
            probe = http.client.HTTPConnection('127.0.0.1', port, timeout=5)
            probe.request('GET', '/healthz/live')
            if probe.getresponse().status == 200:
                return app, port
        except OSError:
            pass
        if app.poll() is not None:
            raise SystemExit(f'{worktree}: the app exited with {app.returncode}')
        time.sleep(1)
    raise SystemExit(f'{worktree}: the app did not start')


def cpu_seconds(pid):
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def settle(apps):
    """Waits until the apps' start-up work (schedulers' first sweeps, the dashboard's first refresh) is over: both
    use under 2 % of a core over 5 seconds, or two minutes have passed."""
    for _ in range(24):
        before = [cpu_seconds(app.pid) for app, _ in apps]
        time.sleep(5)
        if all(cpu_seconds(app.pid) - b < 0.1 for (app, _), b in zip(apps, before)):
            return


def session(builds, requests):
    apps = [start(w) for w in builds]
    try:
        settle(apps)
        reviewers = [Reviewer(port) for _, port in apps]
        result = {}
        for name, path in TARGETS:
            times = [[], []]
            for i in range(WARM_UP + requests):
                for k in ((0, 1) if i % 2 == 0 else (1, 0)):
                    t = reviewers[k].timed_get(path)
                    if i >= WARM_UP:
                        times[k].append(t)
            result[name] = times
        return result
    finally:
        for app, _ in apps:
            app.terminate()
            app.wait()


def main():
    old, new = sys.argv[1], sys.argv[2]
    requests = int(sys.argv[3]) if len(sys.argv) > 3 else 600
    sessions = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    differences = {name: [] for name, _ in TARGETS}
    for s in range(sessions):
        builds = (old, new) if s % 2 == 0 else (new, old)
        print(f'session {s + 1}: {builds[0]} started first, load average {os.getloadavg()[0]:.2f}', flush=True)
        result = session(builds, requests)
        for name, _ in TARGETS:
            first, second = result[name]
            old_times, new_times = (first, second) if s % 2 == 0 else (second, first)
            difference = statistics.median(n - o for o, n in zip(old_times, new_times))
            differences[name].append(difference)
            print(f'  {name:34} old {statistics.median(old_times):6.2f} ms  new {statistics.median(new_times):6.2f} ms  '
                  f'new - old {difference:+.2f} ms', flush=True)
    print('mean over sessions of the median paired difference, new - old (ms):')
    for name, values in differences.items():
        print(f'  {name:34} {statistics.mean(values):+.2f}  ({" ".join(f"{v:+.2f}" for v in values)})')


main()
