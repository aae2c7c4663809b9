using Bot.Knowledge.Embeddings;

namespace Bot.Tests.Benchmarks;

public sealed class Int8VectorsTests
{
    [Theory]
    [InlineData(384)]
    [InlineData(40)] // one SIMD block and a scalar tail
    [InlineData(7)]
    public void Integer_dot_matches_the_scalar_sum_and_approximates_the_float_cosine(int length)
    {
        var random = new Random(length);
        float[] Unit() { var v = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            VectorMath.Normalize(v); return v; }
        var a = Unit();
        var b = Unit();
        var qa = new sbyte[length];
        var qb = new sbyte[length];
        var sa = Int8Vectors.Quantize(a, qa);
        var sb = Int8Vectors.Quantize(b, qb);

        Assert.Equal(Enumerable.Range(0, length).Sum(i => qa[i] * qb[i]), Int8Vectors.Dot(qa, qb));
        Assert.Contains((sbyte)127, qa.Select(x => (sbyte)Math.Abs(x))); // the largest component uses the full range
        Assert.Equal(VectorMath.Dot(a, b), Int8Vectors.Dot(qa, qb) * sa * sb, 0.02);
        Assert.Equal(1, Int8Vectors.Dot(qa, qa) * sa * sa, 0.02);
    }

    [Fact]
    public void Extreme_values_do_not_overflow()
    {
        var a = Enumerable.Repeat((sbyte)-127, 384).ToArray();
        Assert.Equal(384 * 127 * 127, Int8Vectors.Dot(a, a));
        Assert.Equal(0, Int8Vectors.Quantize(new float[5], new sbyte[5]));
    }
}
