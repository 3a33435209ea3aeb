using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Backoffice.Web.Tests.Support;

/// <summary>
/// A small SMTP server on a loopback port that keeps every message it is given, for the tests to read
/// (no STARTTLS, as a local catcher; the app's client then sends in the clear). One for the whole run:
/// every test app is configured to send through it.
/// </summary>
public sealed class SmtpCatcher
{
    private static readonly Lazy<SmtpCatcher> SharedCatcher = new(() => new SmtpCatcher());
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<MimeMessage> _messages = new();

    private SmtpCatcher()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public static SmtpCatcher Shared => SharedCatcher.Value;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The first message to <paramref name="recipient"/>, waiting up to <paramref name="within"/> for it.</summary>
    public async Task<MimeMessage?> WaitForAsync(string recipient, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            var found = _messages.FirstOrDefault(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, recipient, StringComparison.OrdinalIgnoreCase)));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            var client = await _listener.AcceptTcpClientAsync();
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 catcher ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250 catcher");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } body && body != ".")
                    {
                        data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                    }

                    _messages.Enqueue(await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data.ToString()))));
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }
    }
}
