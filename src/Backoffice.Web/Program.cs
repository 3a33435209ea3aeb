using Backoffice.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddBackoffice();

var app = builder.Build();
await app.PrepareAsync();
app.UseBackoffice();
app.Run();

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
