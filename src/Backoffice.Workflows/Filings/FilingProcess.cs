using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Definitions;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Steps;

namespace Backoffice.Workflows.Filings;

/// <summary>
/// The order's side of the engine: a first submit starts the latest published definition of the
/// order's type; a later submit resumes the step waiting for the applicant; withdrawal cancels.
/// </summary>
public sealed class FilingProcess(DefinitionStore definitions, WorkflowEngine engine)
{
    /// <summary>The applicant's bookmarks of the order (<see cref="BookmarkStore.OfOrderAsync"/>), which a submit resumes.</summary>
    public static Task<IReadOnlyList<Bookmark>> WaitingForApplicantAsync(StepContext context, Guid orderId) =>
        BookmarkStore.OfOrderAsync(context, orderId, BookmarkKinds.Applicant, null);

    /// <summary>Submits the locked order: null when done, or the code of the refusal.</summary>
    public async Task<string?> SubmitAsync(StepContext context, FilingOrderRow order, IReadOnlyList<Bookmark> waiting)
    {
        if (waiting.Count > 0)
        {
            await OrderStatus.SetAsync(context, order.Id, FilingStatus.Submitted, "resubmit");
            foreach (var bookmark in waiting)
            {
                await engine.ResumeAsync(context, bookmark, "resubmitted", "applicant resubmitted");
            }

            return null;
        }

        var (running, definition) = await definitions.FirstStartAsync(context.Connection, order.Id, order.FilingType, context.CancellationToken);
        if (running)
        {
            return "not-waiting-for-applicant";
        }

        if (definition is null)
        {
            return "no-published-definition";
        }

        await OrderStatus.SetAsync(context, order.Id, FilingStatus.Submitted, "submit");
        await engine.StartAsync(context, definition, order.Id);
        return null;
    }

    public async Task WithdrawAsync(StepContext context, FilingOrderRow order)
    {
        foreach (var instance in await InstanceStore.RunningOfOrderAsync(context.Connection, order.Id, context.CancellationToken))
        {
            await engine.CancelAsync(context, instance, "withdrawn", "applicant withdrew");
        }

        await OrderStatus.SetAsync(context, order.Id, FilingStatus.Withdrawn, "withdraw");
    }
}
