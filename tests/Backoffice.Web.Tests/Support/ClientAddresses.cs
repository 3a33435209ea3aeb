using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Web.Tests.Support;

/// <summary>
/// Stands in for clients on other machines: the app under test takes each request's remote address from the test's
/// <see cref="Header"/> (every test client is otherwise on loopback), so a test has addresses no other test counts on.
/// </summary>
public static class ClientAddresses
{
    public const string Header = "X-Test-Client-Address";

    public static WebApplicationFactory<Program> WithClientAddresses(this WebApplicationFactory<Program> app) =>
        app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, Filter>()));

    /// <summary>A documentation address (RFC 3849) no other test uses.</summary>
    public static string Unique() => $"2001:db8::{Random.Shared.Next(1, 0xFFFF):x}:{Random.Shared.Next(1, 0xFFFF):x}";

    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}
