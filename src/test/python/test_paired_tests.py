"""src/scripts/paired_tests.py against values computed by hand (and by R's t.test), standard library only:
    python3 -m unittest discover -s src/test/python -p 'test_paired*'"""
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
import paired_tests  # noqa: E402


class WelchTest(unittest.TestCase):

    def test_unequal_variances_and_sizes(self):
        # x = 1, 2, 3 and y = 2, 4, 6, 8: means 2 and 5, variances 1 and 20/3, so se = sqrt(1/3 + 5/3) = sqrt(2),
        # t = -3 / sqrt(2), df = 4 / ((1/3)^2 / 2 + (5/3)^2 / 3) = 4.0755; R: p = 0.09991, CI -6.898 .. 0.898
        row = paired_tests.welch_row("x", "y", [1, 2, 3], [2, 4, 6, 8])
        self.assertEqual("3+4", row[2])
        self.assertAlmostEqual(-3.0, row[3], places=12)
        self.assertAlmostEqual(-3 / math.sqrt(2), row[6], places=12)
        self.assertAlmostEqual(0.09991, row[7], places=4)
        self.assertAlmostEqual(-6.898, row[4], places=3)
        self.assertAlmostEqual(0.898, row[5], places=3)


class PairedTest(unittest.TestCase):

    def test_two_sided_p_and_quantile(self):
        # t = 2.776 is the 97.5 % quantile of Student's t with 4 degrees of freedom: two-sided p = 0.05
        self.assertAlmostEqual(0.05, paired_tests.two_sided_p(2.776445, 4), places=5)
        self.assertAlmostEqual(2.776445, paired_tests.t_quantile_975(4), places=4)

    def test_holm(self):
        # sorted 0.01, 0.02, 0.04 times 3, 2, 1 -> 0.03, 0.04, 0.04 (kept monotone)
        self.assertEqual([0.04, 0.03, 0.04], [round(p, 10) for p in paired_tests.holm([0.04, 0.01, 0.02])])


if __name__ == "__main__":
    unittest.main()
