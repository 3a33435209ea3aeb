using Backoffice.Web;
using Backoffice.Web.Infrastructure.Nodes;

var builder = WebApplication.CreateBuilder(args);
builder.AddBackoffice();

var app = builder.Build();
await app.PrepareAsync();
app.UseNodes();
app.UseBackoffice();
app.Run();

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
