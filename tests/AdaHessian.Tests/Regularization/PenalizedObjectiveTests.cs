using AdaHessian.Objective;
using AdaHessian.Regularization;
using AdaHessian.Tests.TestSupport;

namespace AdaHessian.Tests.Regularization;

// The penalized products reuse the curvatures stored by the last exact-diagonal pass only where they belong: at its θ
// and on its rows. Anywhere else they are those of a probe pass there.
public class PenalizedObjectiveTests
{
    private const double C = 0.03;

    [Fact]
    public void A_product_is_the_probe_pass_product_plus_c_z_at_the_stored_point_and_elsewhere()
    {
        MulticlassProblem problem = MulticlassProblem.Random(60, 7, 3, seed: 61);
        var data = new SoftmaxObjective(problem.Dataset(sparse: false));
        var penalized = new PenalizedObjective(data);
        int p = data.ParameterCount;
        int[] rows = TestData.Subset(60, 50, 62);
        int[] otherRows = TestData.Subset(60, 40, 63);
        double[] stored = TestData.Vector(p, 64, -0.5, 0.5);
        double[] elsewhere = TestData.Vector(p, 65, -0.5, 0.5);
        double[] z = TestData.Vector(p, 66);
        penalized.EvaluateWithExactDiagonal(rows, stored, C, new double[p], new double[p]);

        // Alternating between points and row lists: each product must be computed where it is asked for.
        foreach ((int[] r, double[] theta) in new[] { (rows, stored), (rows, elsewhere), (otherRows, elsewhere), (rows, stored) })
        {
            var actual = new double[p];
            penalized.HessianProduct(r, theta, C, z, actual, new double[p]);
            var expected = new double[p];
            data.EvaluateWithHessianProducts(r, theta, new double[p], z, expected);
            for (int j = 0; j < p; j++)
            {
                expected[j] += penalized.IsWeight(j) ? C * z[j] : 0;
            }

            Approx.Bitwise(expected, actual, "penalized H·z");
        }
    }

    [Fact]
    public void A_product_after_the_point_changed_in_place_is_taken_at_the_new_point()
    {
        TestProblem problem = TestData.Random(80, 5, seed: 67);
        var data = new LogisticObjective(problem.Dataset(sparse: true), LossKind.LogLoss);
        var penalized = new PenalizedObjective(data);
        int[] rows = Enumerable.Range(0, 80).ToArray();
        double[] theta = TestData.Vector(6, 68, -0.5, 0.5);
        double[] z = TestData.Vector(6, 69);
        penalized.EvaluateWithExactDiagonal(rows, theta, C, new double[6], new double[6]);
        theta[2] += 0.25; // as a line search moves θ in place
        var actual = new double[6];
        penalized.HessianProduct(rows, theta, 0, z, actual, new double[6]);
        var expected = new double[6];
        data.EvaluateWithHessianProducts(rows, theta, new double[6], z, expected);
        Approx.Bitwise(expected, actual, "H·z at the moved point");
    }
}
