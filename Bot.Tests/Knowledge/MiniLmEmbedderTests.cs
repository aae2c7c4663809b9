using Bot.Knowledge.Embeddings;

namespace Bot.Tests.Knowledge;

/// <summary>The MiniLM encoder's batched call, which answering uses for a question and its parts.</summary>
public sealed class MiniLmEmbedderTests
{
    [Fact]
    public void Texts_embedded_together_get_the_vectors_each_gets_alone()
    {
        using var kb = new KnowledgeServices(KnowledgeDatabase.InMemory());
        var embedder = kb.Get<ITextEmbedder>();
        // Of different lengths, so the shorter ones are padded in the batch.
        string[] texts = ["How many roles did Initech cut in its second round, and why?", "why?", "how many roles did Initech cut"];

        var together = embedder.EmbedAll(texts);

        Assert.Equal(texts.Length, together.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var alone = embedder.Embed(texts[i]);
            Assert.Equal(alone.Length, together[i].Length);
            Assert.All(alone.Zip(together[i]), pair => Assert.Equal(pair.First, pair.Second, 1e-5f));
            Assert.Equal(1.0, Math.Sqrt(together[i].Sum(x => (double)x * x)), 1e-5);
        }
        Assert.Empty(embedder.EmbedAll([]));
    }
}
