using Microsoft.SemanticKernel;

namespace Bot.Knowledge.Answering.Llm;

/// <summary>
/// Stops automatic function calling after a few model turns that only call tools, so a model that keeps
/// searching cannot spend the whole timeout (or the provider budget) on one question.
/// </summary>
internal sealed class ToolRoundLimit(int maxRounds) : IAutoFunctionInvocationFilter
{
    public bool Exceeded { get; private set; }

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        if (context.RequestSequenceIndex >= maxRounds)
        {
            Exceeded = true;
            context.Terminate = true;
            return;
        }
        await next(context);
    }
}
