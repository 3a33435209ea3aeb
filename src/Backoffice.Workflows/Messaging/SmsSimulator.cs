using Backoffice.Workflows.Privacy;
using Microsoft.Extensions.Logging;

namespace Backoffice.Workflows.Messaging;

/// <summary>Stands in for an SMS provider: accepts every text and logs it with the number masked.</summary>
public sealed class SmsSimulator(ILogger<SmsSimulator> logger) : ISmsGateway
{
    public Task SendAsync(Guid messageId, string mobile, string text, CancellationToken ct)
    {
        logger.LogInformation("SMS {MessageId} to {Mobile} accepted by the simulator ({Length} characters)", messageId, Mask.Mobile(mobile), text.Length);
        return Task.CompletedTask;
    }
}
