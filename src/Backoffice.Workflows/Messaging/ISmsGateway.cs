namespace Backoffice.Workflows.Messaging;

/// <summary>
/// The adapter to an SMS provider. <see cref="SendAsync"/> hands one text to the provider and returns
/// once the provider has accepted it; it throws when it did not (the delivery job is retried, so a
/// gateway must tolerate being given the same <paramref name="messageId"/> twice and may use it to
/// deduplicate). The app ships <see cref="SmsSimulator"/>; a real provider implements this interface
/// and is registered in its place (docs/OPERATIONS.md).
/// </summary>
public interface ISmsGateway
{
    Task SendAsync(Guid messageId, string mobile, string text, CancellationToken ct);
}
