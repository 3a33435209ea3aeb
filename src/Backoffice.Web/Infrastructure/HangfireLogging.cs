using Hangfire.Logging;

namespace Backoffice.Web.Infrastructure;

/// <summary>
/// Hangfire's process-wide log provider over the host's logger factory. Hangfire keeps it in a static,
/// so a host that outlives another in the same process (tests restart the app in-process) must not
/// fail when that other host's factory is gone: logging then becomes a no-op.
/// </summary>
public sealed class HangfireLogging(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new Adapter(factory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new Adapter(null);
        }
    }

    private sealed class Adapter(ILogger? logger) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = (Microsoft.Extensions.Logging.LogLevel)(int)logLevel;
            try
            {
                if (logger is null || !logger.IsEnabled(level))
                {
                    return false;
                }

                if (messageFunc is not null)
                {
                    logger.Log(level, exception, "{HangfireMessage}", messageFunc());
                }

                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
