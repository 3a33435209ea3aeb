using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Backoffice.Web.Tests.Support;

/// <summary>Keeps every log line of a test server with its scopes, to check what the logs say about an order.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public sealed record Line(string Category, string Message, IReadOnlyDictionary<string, object?> Scope, LogLevel Level = LogLevel.Information)
    {
        public string All => $"{Category} {Message} {string.Join(" ", Scope.Select(s => $"{s.Key}={s.Value}"))}";
    }

    public ConcurrentQueue<Line> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            capture._scopes.ForEachScope((s, d) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object>> pairs)
                {
                    foreach (var (key, value) in pairs) d[key] = value;
                }
            }, scope);
            capture.Lines.Enqueue(new Line(category, formatter(state, exception) + " " + exception, scope, logLevel));
        }
    }
}
