using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(Bot.Tests.Support.WaitingTestsFirst))]

namespace Bot.Tests.Support;

/// <summary>
/// A test class that spends most of its time waiting on real processes or real protocol delays (a 5 s identify
/// gap, a scheduler firing every 2 s), not on the CPU.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MostlyWaitsAttribute : Attribute;

/// <summary>
/// Starts the <see cref="MostlyWaitsAttribute"/> classes first, then the rest in xUnit's default order: their waiting
/// then overlaps the CPU-bound tests instead of being the last thing the suite does (it was its last 6 s).
/// </summary>
public sealed class WaitingTestsFirst : ITestCollectionOrderer
{
    private static readonly string[] Waiting = [.. typeof(WaitingTestsFirst).Assembly.GetTypes()
        .Where(t => t.IsDefined(typeof(MostlyWaitsAttribute), inherit: false)).Select(t => t.FullName!)];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(
        IReadOnlyCollection<TTestCollection> testCollections) where TTestCollection : ITestCollection =>
        [.. DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections).OrderBy(c => Waits(c) ? 0 : 1)];

    private static bool Waits(ITestCollection collection) => Waiting.Any(name =>
        collection.TestCollectionClassName == name
        || collection.TestCollectionDisplayName.Contains(" " + name + " ", StringComparison.Ordinal));
}
