using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Backoffice.Web.Tests.Support;

namespace Backoffice.Web.Tests.Operations;

/// <summary>
/// The built app, as ./backoffice run starts it, stops within 10 seconds of SIGINT (Ctrl-C) or SIGTERM.
/// It is started with SIGINT at its default disposition, as from a terminal: the test host ignores SIGINT,
/// and a process started from it would inherit that.
/// </summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task The_app_stops_within_ten_seconds_of_a_signal(string signal)
    {
        var port = FreePort();
        var output = new StringBuilder();
        using var app = Start(port, output);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.True(await ReadyAsync(http), $"the app never became ready:\n{output}");

            var watch = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", $"-{signal} {app.Id}"))
            {
                await kill.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(Limit + TimeSpan.FromSeconds(20));
            await app.WaitForExitAsync(wait.Token);
            Assert.True(watch.Elapsed < Limit, $"stopping took {watch.Elapsed}:\n{output}");
            lock (output)
            {
                Assert.Contains("Application is shutting down", output.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process Start(int port, StringBuilder output)
    {
        var dll = Path.Combine(Repository(), "src", "Backoffice.Web", "bin", "Release", "net10.0", "Backoffice.Web.dll");
        const string defaultSigint = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])";
        var info = new ProcessStartInfo("python3", ["-c", defaultSigint, "dotnet", dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["ConnectionStrings__Backoffice"] = TestApp.ConnectionString;
        info.Environment["Backoffice__TestMode"] = "true";
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> ReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await http.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Backoffice.sln")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }
}
