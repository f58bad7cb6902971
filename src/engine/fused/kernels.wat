;; WebAssembly SIMD kernels of the fused CPU engine, written by hand.
;; `npm run build:wasm` assembles this file into kernelsWasm.ts (the bytes, in
;; base64); kernels.test.ts fails if the committed bytes differ from it.
;;
;; Every array lives in the imported memory (the model's arena, see arena.ts).
;; Pointers are byte offsets; row strides are counted in float32 elements.
;; Products sum in float32, four lanes at a time; the LSTM's activations run in
;; double precision, two lanes at a time, as the JS path computes them.
(module
  (memory (import "env" "memory") 1)

  ;; The sum of a vector's four lanes.
  (func $hsum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  ;; Stores s at p, or adds it to what is there when $acc is set.
  (func $put (param $p i32) (param $s f32) (param $acc i32)
    (if (local.get $acc)
      (then (local.set $s (f32.add (f32.load (local.get $p)) (local.get $s)))))
    (f32.store (local.get $p) (local.get $s)))

  ;; The dot product of k floats at $a and at $b.
  (func $dot (param $a i32) (param $b i32) (param $k i32) (result f32)
    (local $s v128) (local $q i32) (local $k4 i32) (local $kb i32) (local $t f32)
    (local.set $k4 (i32.shl (i32.and (local.get $k) (i32.const -4)) (i32.const 2)))
    (local.set $kb (i32.shl (local.get $k) (i32.const 2)))
    (block $done
      (loop $vec
        (br_if $done (i32.ge_u (local.get $q) (local.get $k4)))
        (local.set $s (f32x4.add (local.get $s)
          (f32x4.mul (v128.load align=4 (i32.add (local.get $a) (local.get $q)))
                     (v128.load align=4 (i32.add (local.get $b) (local.get $q))))))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $vec)))
    (local.set $t (call $hsum (local.get $s)))
    (block $end
      (loop $tail
        (br_if $end (i32.ge_u (local.get $q) (local.get $kb)))
        (local.set $t (f32.add (local.get $t)
          (f32.mul (f32.load (i32.add (local.get $a) (local.get $q)))
                   (f32.load (i32.add (local.get $b) (local.get $q))))))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (br $tail)))
    (local.get $t))

  ;; C[m × n] (+)= A[m × k] · B[n × k]ᵀ, with $acc set to add to C.
  ;; Blocks of 4 rows of A × 2 rows of B keep 8 vector sums in registers, so
  ;; each vector loaded serves several products; leftover rows take 1 × 4
  ;; blocks, leftover pairs one dot product each.
  (func (export "gemmNT")
    (param $m i32) (param $n i32) (param $k i32)
    (param $a i32) (param $lda i32) (param $b i32) (param $ldb i32)
    (param $c i32) (param $ldc i32) (param $acc i32)
    (local $i i32) (local $j i32) (local $q i32) (local $k4 i32) (local $kb i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $b0 i32) (local $b1 i32) (local $b2 i32) (local $b3 i32)
    (local $c0 i32)
    (local $x v128) (local $w0 v128) (local $w1 v128) (local $w2 v128) (local $w3 v128)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128)
    (local $s20 v128) (local $s21 v128) (local $s30 v128) (local $s31 v128)
    (local $t00 f32) (local $t01 f32) (local $t10 f32) (local $t11 f32)
    (local $t20 f32) (local $t21 f32) (local $t30 f32) (local $t31 f32)
    (local $y0 f32) (local $y1 f32) (local $y2 f32) (local $y3 f32) (local $v0 f32) (local $v1 f32)
    ;; Strides in bytes.
    (local.set $lda (i32.shl (local.get $lda) (i32.const 2)))
    (local.set $ldb (i32.shl (local.get $ldb) (i32.const 2)))
    (local.set $ldc (i32.shl (local.get $ldc) (i32.const 2)))
    (local.set $k4 (i32.shl (i32.and (local.get $k) (i32.const -4)) (i32.const 2)))
    (local.set $kb (i32.shl (local.get $k) (i32.const 2)))
    ;; Blocks of four rows.
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $m)))
        (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $lda))))
        (local.set $a1 (i32.add (local.get $a0) (local.get $lda)))
        (local.set $a2 (i32.add (local.get $a1) (local.get $lda)))
        (local.set $a3 (i32.add (local.get $a2) (local.get $lda)))
        (local.set $c0 (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc))))
        (local.set $j (i32.const 0))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $n)))
            (local.set $b0 (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $ldb))))
            (local.set $b1 (i32.add (local.get $b0) (local.get $ldb)))
            (local.set $s00 (v128.const i32x4 0 0 0 0))
            (local.set $s01 (v128.const i32x4 0 0 0 0))
            (local.set $s10 (v128.const i32x4 0 0 0 0))
            (local.set $s11 (v128.const i32x4 0 0 0 0))
            (local.set $s20 (v128.const i32x4 0 0 0 0))
            (local.set $s21 (v128.const i32x4 0 0 0 0))
            (local.set $s30 (v128.const i32x4 0 0 0 0))
            (local.set $s31 (v128.const i32x4 0 0 0 0))
            (local.set $q (i32.const 0))
            (block $vecDone
              (loop $vec
                (br_if $vecDone (i32.ge_u (local.get $q) (local.get $k4)))
                (local.set $w0 (v128.load align=4 (i32.add (local.get $b0) (local.get $q))))
                (local.set $w1 (v128.load align=4 (i32.add (local.get $b1) (local.get $q))))
                (local.set $x (v128.load align=4 (i32.add (local.get $a0) (local.get $q))))
                (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (local.get $x) (local.get $w0))))
                (local.set $s01 (f32x4.add (local.get $s01) (f32x4.mul (local.get $x) (local.get $w1))))
                (local.set $x (v128.load align=4 (i32.add (local.get $a1) (local.get $q))))
                (local.set $s10 (f32x4.add (local.get $s10) (f32x4.mul (local.get $x) (local.get $w0))))
                (local.set $s11 (f32x4.add (local.get $s11) (f32x4.mul (local.get $x) (local.get $w1))))
                (local.set $x (v128.load align=4 (i32.add (local.get $a2) (local.get $q))))
                (local.set $s20 (f32x4.add (local.get $s20) (f32x4.mul (local.get $x) (local.get $w0))))
                (local.set $s21 (f32x4.add (local.get $s21) (f32x4.mul (local.get $x) (local.get $w1))))
                (local.set $x (v128.load align=4 (i32.add (local.get $a3) (local.get $q))))
                (local.set $s30 (f32x4.add (local.get $s30) (f32x4.mul (local.get $x) (local.get $w0))))
                (local.set $s31 (f32x4.add (local.get $s31) (f32x4.mul (local.get $x) (local.get $w1))))
                (local.set $q (i32.add (local.get $q) (i32.const 16)))
                (br $vec)))
            (local.set $t00 (call $hsum (local.get $s00)))
            (local.set $t01 (call $hsum (local.get $s01)))
            (local.set $t10 (call $hsum (local.get $s10)))
            (local.set $t11 (call $hsum (local.get $s11)))
            (local.set $t20 (call $hsum (local.get $s20)))
            (local.set $t21 (call $hsum (local.get $s21)))
            (local.set $t30 (call $hsum (local.get $s30)))
            (local.set $t31 (call $hsum (local.get $s31)))
            ;; The last k mod 4 products, one at a time.
            (block $tailDone
              (loop $tail
                (br_if $tailDone (i32.ge_u (local.get $q) (local.get $kb)))
                (local.set $v0 (f32.load (i32.add (local.get $b0) (local.get $q))))
                (local.set $v1 (f32.load (i32.add (local.get $b1) (local.get $q))))
                (local.set $y0 (f32.load (i32.add (local.get $a0) (local.get $q))))
                (local.set $y1 (f32.load (i32.add (local.get $a1) (local.get $q))))
                (local.set $y2 (f32.load (i32.add (local.get $a2) (local.get $q))))
                (local.set $y3 (f32.load (i32.add (local.get $a3) (local.get $q))))
                (local.set $t00 (f32.add (local.get $t00) (f32.mul (local.get $y0) (local.get $v0))))
                (local.set $t01 (f32.add (local.get $t01) (f32.mul (local.get $y0) (local.get $v1))))
                (local.set $t10 (f32.add (local.get $t10) (f32.mul (local.get $y1) (local.get $v0))))
                (local.set $t11 (f32.add (local.get $t11) (f32.mul (local.get $y1) (local.get $v1))))
                (local.set $t20 (f32.add (local.get $t20) (f32.mul (local.get $y2) (local.get $v0))))
                (local.set $t21 (f32.add (local.get $t21) (f32.mul (local.get $y2) (local.get $v1))))
                (local.set $t30 (f32.add (local.get $t30) (f32.mul (local.get $y3) (local.get $v0))))
                (local.set $t31 (f32.add (local.get $t31) (f32.mul (local.get $y3) (local.get $v1))))
                (local.set $q (i32.add (local.get $q) (i32.const 4)))
                (br $tail)))
            (local.set $b0 (i32.add (local.get $c0) (i32.shl (local.get $j) (i32.const 2))))
            (call $put (local.get $b0) (local.get $t00) (local.get $acc))
            (call $put (i32.add (local.get $b0) (i32.const 4)) (local.get $t01) (local.get $acc))
            (local.set $b0 (i32.add (local.get $b0) (local.get $ldc)))
            (call $put (local.get $b0) (local.get $t10) (local.get $acc))
            (call $put (i32.add (local.get $b0) (i32.const 4)) (local.get $t11) (local.get $acc))
            (local.set $b0 (i32.add (local.get $b0) (local.get $ldc)))
            (call $put (local.get $b0) (local.get $t20) (local.get $acc))
            (call $put (i32.add (local.get $b0) (i32.const 4)) (local.get $t21) (local.get $acc))
            (local.set $b0 (i32.add (local.get $b0) (local.get $ldc)))
            (call $put (local.get $b0) (local.get $t30) (local.get $acc))
            (call $put (i32.add (local.get $b0) (i32.const 4)) (local.get $t31) (local.get $acc))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $pairs)))
        ;; An odd last column: four dot products.
        (if (i32.lt_s (local.get $j) (local.get $n))
          (then
            (local.set $b0 (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $ldb))))
            (local.set $c0 (i32.add (local.get $c0) (i32.shl (local.get $j) (i32.const 2))))
            (call $put (local.get $c0) (call $dot (local.get $a0) (local.get $b0) (local.get $k)) (local.get $acc))
            (local.set $c0 (i32.add (local.get $c0) (local.get $ldc)))
            (call $put (local.get $c0) (call $dot (local.get $a1) (local.get $b0) (local.get $k)) (local.get $acc))
            (local.set $c0 (i32.add (local.get $c0) (local.get $ldc)))
            (call $put (local.get $c0) (call $dot (local.get $a2) (local.get $b0) (local.get $k)) (local.get $acc))
            (local.set $c0 (i32.add (local.get $c0) (local.get $ldc)))
            (call $put (local.get $c0) (call $dot (local.get $a3) (local.get $b0) (local.get $k)) (local.get $acc))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows)))
    ;; Leftover rows (all of them at batch 1): one row against four rows of B at a time.
    (block $restDone
      (loop $rest
        (br_if $restDone (i32.ge_s (local.get $i) (local.get $m)))
        (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $lda))))
        (local.set $c0 (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc))))
        (local.set $j (i32.const 0))
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.gt_s (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
            (local.set $b0 (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $ldb))))
            (local.set $b1 (i32.add (local.get $b0) (local.get $ldb)))
            (local.set $b2 (i32.add (local.get $b1) (local.get $ldb)))
            (local.set $b3 (i32.add (local.get $b2) (local.get $ldb)))
            (local.set $s00 (v128.const i32x4 0 0 0 0))
            (local.set $s01 (v128.const i32x4 0 0 0 0))
            (local.set $s10 (v128.const i32x4 0 0 0 0))
            (local.set $s11 (v128.const i32x4 0 0 0 0))
            (local.set $q (i32.const 0))
            (block $vec1Done
              (loop $vec1
                (br_if $vec1Done (i32.ge_u (local.get $q) (local.get $k4)))
                (local.set $x (v128.load align=4 (i32.add (local.get $a0) (local.get $q))))
                (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (local.get $x) (v128.load align=4 (i32.add (local.get $b0) (local.get $q))))))
                (local.set $s01 (f32x4.add (local.get $s01) (f32x4.mul (local.get $x) (v128.load align=4 (i32.add (local.get $b1) (local.get $q))))))
                (local.set $s10 (f32x4.add (local.get $s10) (f32x4.mul (local.get $x) (v128.load align=4 (i32.add (local.get $b2) (local.get $q))))))
                (local.set $s11 (f32x4.add (local.get $s11) (f32x4.mul (local.get $x) (v128.load align=4 (i32.add (local.get $b3) (local.get $q))))))
                (local.set $q (i32.add (local.get $q) (i32.const 16)))
                (br $vec1)))
            (local.set $t00 (call $hsum (local.get $s00)))
            (local.set $t01 (call $hsum (local.get $s01)))
            (local.set $t10 (call $hsum (local.get $s10)))
            (local.set $t11 (call $hsum (local.get $s11)))
            (block $tail1Done
              (loop $tail1
                (br_if $tail1Done (i32.ge_u (local.get $q) (local.get $kb)))
                (local.set $y0 (f32.load (i32.add (local.get $a0) (local.get $q))))
                (local.set $t00 (f32.add (local.get $t00) (f32.mul (local.get $y0) (f32.load (i32.add (local.get $b0) (local.get $q))))))
                (local.set $t01 (f32.add (local.get $t01) (f32.mul (local.get $y0) (f32.load (i32.add (local.get $b1) (local.get $q))))))
                (local.set $t10 (f32.add (local.get $t10) (f32.mul (local.get $y0) (f32.load (i32.add (local.get $b2) (local.get $q))))))
                (local.set $t11 (f32.add (local.get $t11) (f32.mul (local.get $y0) (f32.load (i32.add (local.get $b3) (local.get $q))))))
                (local.set $q (i32.add (local.get $q) (i32.const 4)))
                (br $tail1)))
            (local.set $b0 (i32.add (local.get $c0) (i32.shl (local.get $j) (i32.const 2))))
            (call $put (local.get $b0) (local.get $t00) (local.get $acc))
            (call $put (i32.add (local.get $b0) (i32.const 4)) (local.get $t01) (local.get $acc))
            (call $put (i32.add (local.get $b0) (i32.const 8)) (local.get $t10) (local.get $acc))
            (call $put (i32.add (local.get $b0) (i32.const 12)) (local.get $t11) (local.get $acc))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $quads)))
        (block $singlesDone
          (loop $singles
            (br_if $singlesDone (i32.ge_s (local.get $j) (local.get $n)))
            (call $put
              (i32.add (local.get $c0) (i32.shl (local.get $j) (i32.const 2)))
              (call $dot (local.get $a0) (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $ldb))) (local.get $k))
              (local.get $acc))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $singles)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rest))))

  ;; e^x in both lanes, in double precision: 2^n times e^r, r = x − n ln 2 in
  ;; [−ln 2 / 2, ln 2 / 2], e^r by its Taylor series to r^11 (relative error
  ;; below 1e-14), x clamped to [−708, 708] so 2^n stays a normal double.
  (func $exp (param $x v128) (result v128)
    (local $n v128) (local $r v128) (local $y v128)
    (local.set $x (f64x2.min (f64x2.max (local.get $x) (v128.const f64x2 -708 -708)) (v128.const f64x2 708 708)))
    (local.set $n (f64x2.nearest (f64x2.mul (local.get $x) (v128.const f64x2 1.4426950408889634 1.4426950408889634))))
    ;; ln 2 split in two so that n · ln2hi is exact.
    (local.set $r (f64x2.sub
      (f64x2.sub (local.get $x) (f64x2.mul (local.get $n) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01)))
      (f64x2.mul (local.get $n) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10))))
    (local.set $y (v128.const f64x2 2.505210838544172e-8 2.505210838544172e-8))
    (local.set $y (f64x2.add (f64x2.mul (local.get $y) (local.get $r)) (v128.const f64x2 2.755731922398589e-7 2.755731922398589e-7)))
    (local.set $y (f64x2.add (f64x2.mul (local.get $y) (local.get $r)) (v128.const f64x2 2.7557319223985893e-6 2.7557319223985893e-6)))
    (local.set $y (f64x2.add (f64x2.mul (local.get $y) (local.get $r)) (v128.const f64x2 2.48015873015873e-5 2.48015873015873e-5)))
    (local.set $y (f64x2.add (f64x2.mul (local.get $y) (local.get $r)) (v128.const f64x2 1.984126984126984e-4 1.984126984126984e-4)))
    (local.set $y (f64x2.add (f64x2.mul (local.get $y) (local.get $r)) (v128.const f64x2 1.388888888888889e-3 1.388888888888889e-3)))
    (local.set $y (f64x2.add (f64x2.mul (local.get $y) (local.get $r)) (v128.const f64x2 8.333333333333333e-3 8.333333333333333e-3)))
    (local.set $y (f64x2.add (f64x2.mul (local.get $y) (local.get $r)) (v128.const f64x2 4.1666666666666664e-2 4.1666666666666664e-2)))
    (local.set $y (f64x2.add (f64x2.mul (local.get $y) (local.get $r)) (v128.const f64x2 0.16666666666666666 0.16666666666666666)))
    (local.set $y (f64x2.add (f64x2.mul (local.get $y) (local.get $r)) (v128.const f64x2 0.5 0.5)))
    (local.set $y (f64x2.add (f64x2.mul (local.get $y) (local.get $r)) (v128.const f64x2 1 1)))
    (local.set $y (f64x2.add (f64x2.mul (local.get $y) (local.get $r)) (v128.const f64x2 1 1)))
    ;; Times 2^n, built in the exponent bits.
    (f64x2.mul (local.get $y)
      (i64x2.shl
        (i64x2.add (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $n))) (v128.const i64x2 1023 1023))
        (i32.const 52))))

  ;; 1 / (1 + e^-x), in double precision.
  (func $sigmoid (param $x v128) (result v128)
    (f64x2.div (v128.const f64x2 1 1)
      (f64x2.add (v128.const f64x2 1 1) (call $exp (f64x2.neg (local.get $x))))))

  ;; tanh x = 1 − 2 / (e^2x + 1), in double precision.
  (func $tanh (param $x v128) (result v128)
    (f64x2.sub (v128.const f64x2 1 1)
      (f64x2.div (v128.const f64x2 2 2)
        (f64x2.add (call $exp (f64x2.add (local.get $x) (local.get $x))) (v128.const f64x2 1 1)))))

  ;; One step of the LSTM's gates for $rows rows and units [0, $u2) ($u2
  ;; even; the caller does the rest), two units at a time in double precision
  ;; as the JS path computes them: each row of $z holds the pre-activations of
  ;; the gates i, f, g, o ($units each, bias not yet added; pre-activation +
  ;; bias is summed in float32) and gets their activations (sigmoid, sigmoid,
  ;; tanh, sigmoid); c = f · c_prev + i · g, tanh c and h = o · tanh c go to
  ;; rows of $units at $cells, $acts and $hid, each rounded to float32 before
  ;; it is used further.
  (func (export "lstmGates")
    (param $rows i32) (param $u2 i32) (param $units i32)
    (param $z i32) (param $bias i32) (param $cPrev i32) (param $cells i32) (param $acts i32) (param $hid i32)
    (local $r i32) (local $q i32) (local $qe i32) (local $gb i32) (local $ub i32)
    (local $zi i32) (local $zf i32) (local $zg i32) (local $zo i32) (local $bf i32) (local $bg i32) (local $bo i32)
    (local $ig v128) (local $fg v128) (local $gg v128) (local $og v128) (local $c v128) (local $ca v128)
    (local.set $ub (i32.shl (local.get $units) (i32.const 2)))
    (local.set $gb (i32.shl (local.get $ub) (i32.const 2)))
    (local.set $qe (i32.shl (local.get $u2) (i32.const 2)))
    (local.set $bf (i32.add (local.get $bias) (local.get $ub)))
    (local.set $bg (i32.add (local.get $bf) (local.get $ub)))
    (local.set $bo (i32.add (local.get $bg) (local.get $ub)))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_s (local.get $r) (local.get $rows)))
        (local.set $zi (i32.add (local.get $z) (i32.mul (local.get $r) (local.get $gb))))
        (local.set $zf (i32.add (local.get $zi) (local.get $ub)))
        (local.set $zg (i32.add (local.get $zf) (local.get $ub)))
        (local.set $zo (i32.add (local.get $zg) (local.get $ub)))
        (local.set $q (i32.const 0))
        (block $unitsDone
          (loop $unitLoop
            (br_if $unitsDone (i32.ge_u (local.get $q) (local.get $qe)))
            (local.set $ig (call $sigmoid (f64x2.promote_low_f32x4 (f32x4.add (v128.load64_zero align=4 (i32.add (local.get $zi) (local.get $q))) (v128.load64_zero align=4 (i32.add (local.get $bias) (local.get $q)))))))
            (local.set $fg (call $sigmoid (f64x2.promote_low_f32x4 (f32x4.add (v128.load64_zero align=4 (i32.add (local.get $zf) (local.get $q))) (v128.load64_zero align=4 (i32.add (local.get $bf) (local.get $q)))))))
            (local.set $gg (call $tanh (f64x2.promote_low_f32x4 (f32x4.add (v128.load64_zero align=4 (i32.add (local.get $zg) (local.get $q))) (v128.load64_zero align=4 (i32.add (local.get $bg) (local.get $q)))))))
            (local.set $og (call $sigmoid (f64x2.promote_low_f32x4 (f32x4.add (v128.load64_zero align=4 (i32.add (local.get $zo) (local.get $q))) (v128.load64_zero align=4 (i32.add (local.get $bo) (local.get $q)))))))
            (v128.store64_lane align=4 0 (i32.add (local.get $zi) (local.get $q)) (f32x4.demote_f64x2_zero (local.get $ig)))
            (v128.store64_lane align=4 0 (i32.add (local.get $zf) (local.get $q)) (f32x4.demote_f64x2_zero (local.get $fg)))
            (v128.store64_lane align=4 0 (i32.add (local.get $zg) (local.get $q)) (f32x4.demote_f64x2_zero (local.get $gg)))
            (v128.store64_lane align=4 0 (i32.add (local.get $zo) (local.get $q)) (f32x4.demote_f64x2_zero (local.get $og)))
            (local.set $c (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.add
              (f64x2.mul (local.get $fg) (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $cPrev) (local.get $q)))))
              (f64x2.mul (local.get $ig) (local.get $gg))))))
            (v128.store64_lane align=4 0 (i32.add (local.get $cells) (local.get $q)) (f32x4.demote_f64x2_zero (local.get $c)))
            (local.set $ca (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (call $tanh (local.get $c)))))
            (v128.store64_lane align=4 0 (i32.add (local.get $acts) (local.get $q)) (f32x4.demote_f64x2_zero (local.get $ca)))
            (v128.store64_lane align=4 0 (i32.add (local.get $hid) (local.get $q)) (f32x4.demote_f64x2_zero (f64x2.mul (local.get $og) (local.get $ca))))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (br $unitLoop)))
        (local.set $cPrev (i32.add (local.get $cPrev) (local.get $ub)))
        (local.set $cells (i32.add (local.get $cells) (local.get $ub)))
        (local.set $acts (i32.add (local.get $acts) (local.get $ub)))
        (local.set $hid (i32.add (local.get $hid) (local.get $ub)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop))))

  ;; Adam on $n weights, in float32 as TF.js does it: m = β1 m + (1 − β1) g,
  ;; v = β2 v + (1 − β2) g², w -= lr · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε);
  ;; 1 − β1 and 1 − β2 come from the caller, rounded from double precision as in TF.js.
  (func (export "adam")
    (param $n i32) (param $w i32) (param $g i32) (param $m i32) (param $v i32)
    (param $beta1 f32) (param $beta2 f32) (param $oneMinusBeta1 f32) (param $oneMinusBeta2 f32)
    (param $c1 f32) (param $c2 f32) (param $lr f32) (param $eps f32)
    (local $q i32) (local $qe i32) (local $qv i32)
    (local $b1 v128) (local $b2 v128) (local $nb1 v128) (local $nb2 v128) (local $k1 v128) (local $k2 v128) (local $vlr v128) (local $veps v128)
    (local $gv v128) (local $mv v128) (local $vv v128)
    (local $gs f32) (local $ms f32) (local $vs f32)
    (local.set $b1 (f32x4.splat (local.get $beta1)))
    (local.set $b2 (f32x4.splat (local.get $beta2)))
    (local.set $nb1 (f32x4.splat (local.get $oneMinusBeta1)))
    (local.set $nb2 (f32x4.splat (local.get $oneMinusBeta2)))
    (local.set $k1 (f32x4.splat (local.get $c1)))
    (local.set $k2 (f32x4.splat (local.get $c2)))
    (local.set $vlr (f32x4.splat (local.get $lr)))
    (local.set $veps (f32x4.splat (local.get $eps)))
    (local.set $qv (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (local.set $qe (i32.shl (local.get $n) (i32.const 2)))
    (block $vecDone
      (loop $vec
        (br_if $vecDone (i32.ge_u (local.get $q) (local.get $qv)))
        (local.set $gv (v128.load align=4 (i32.add (local.get $g) (local.get $q))))
        (local.set $mv (f32x4.add (f32x4.mul (v128.load align=4 (i32.add (local.get $m) (local.get $q))) (local.get $b1)) (f32x4.mul (local.get $gv) (local.get $nb1))))
        (local.set $vv (f32x4.add (f32x4.mul (v128.load align=4 (i32.add (local.get $v) (local.get $q))) (local.get $b2)) (f32x4.mul (f32x4.mul (local.get $gv) (local.get $gv)) (local.get $nb2))))
        (v128.store align=4 (i32.add (local.get $m) (local.get $q)) (local.get $mv))
        (v128.store align=4 (i32.add (local.get $v) (local.get $q)) (local.get $vv))
        (v128.store align=4 (i32.add (local.get $w) (local.get $q))
          (f32x4.sub (v128.load align=4 (i32.add (local.get $w) (local.get $q)))
            (f32x4.mul (local.get $vlr)
              (f32x4.div (f32x4.div (local.get $mv) (local.get $k1))
                (f32x4.add (f32x4.sqrt (f32x4.div (local.get $vv) (local.get $k2))) (local.get $veps))))))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $vec)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $q) (local.get $qe)))
        (local.set $gs (f32.load (i32.add (local.get $g) (local.get $q))))
        (local.set $ms (f32.add (f32.mul (f32.load (i32.add (local.get $m) (local.get $q))) (local.get $beta1)) (f32.mul (local.get $gs) (local.get $oneMinusBeta1))))
        (local.set $vs (f32.add (f32.mul (f32.load (i32.add (local.get $v) (local.get $q))) (local.get $beta2)) (f32.mul (f32.mul (local.get $gs) (local.get $gs)) (local.get $oneMinusBeta2))))
        (f32.store (i32.add (local.get $m) (local.get $q)) (local.get $ms))
        (f32.store (i32.add (local.get $v) (local.get $q)) (local.get $vs))
        (f32.store (i32.add (local.get $w) (local.get $q))
          (f32.sub (f32.load (i32.add (local.get $w) (local.get $q)))
            (f32.mul (local.get $lr)
              (f32.div (f32.div (local.get $ms) (local.get $c1))
                (f32.add (f32.sqrt (f32.div (local.get $vs) (local.get $c2))) (local.get $eps))))))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (br $tail))))

  ;; C[m × n] (+)= A · B, B[k × n] row-major, A's element (i, p) at
  ;; $a + 4 · (i · $ai + p · $ap): A row-major is ($ai, $ap) = (lda, 1), a
  ;; transposed Aᵀ (so C = Aᵀ · B, as in weight gradients) is (1, lda).
  ;; Vectors run along C's rows: per p, a block of 4 rows × 8 columns adds
  ;; A(i, p) · B(p, j..j+7) to 8 vector sums; no transposes and no lane sums.
  (func (export "gemmAB")
    (param $m i32) (param $n i32) (param $k i32)
    (param $a i32) (param $ai i32) (param $ap i32) (param $b i32) (param $ldb i32)
    (param $c i32) (param $ldc i32) (param $acc i32)
    (local $i i32) (local $j i32) (local $p i32) (local $n8 i32) (local $n4 i32)
    (local $ar i32) (local $pa i32) (local $pb i32) (local $c0 i32) (local $cp i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $w0 v128) (local $w1 v128)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128)
    (local $s20 v128) (local $s21 v128) (local $s30 v128) (local $s31 v128)
    (local $t f32)
    ;; Strides in bytes.
    (local.set $ai (i32.shl (local.get $ai) (i32.const 2)))
    (local.set $ap (i32.shl (local.get $ap) (i32.const 2)))
    (local.set $ldb (i32.shl (local.get $ldb) (i32.const 2)))
    (local.set $ldc (i32.shl (local.get $ldc) (i32.const 2)))
    (local.set $n8 (i32.and (local.get $n) (i32.const -8)))
    (local.set $n4 (i32.and (local.get $n) (i32.const -4)))
    ;; Blocks of four rows.
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $m)))
        (local.set $ar (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ai))))
        (local.set $c0 (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc))))
        ;; 4 × 8 blocks.
        (local.set $j (i32.const 0))
        (block $b8Done
          (loop $b8
            (br_if $b8Done (i32.ge_s (local.get $j) (local.get $n8)))
            (local.set $s00 (v128.const i32x4 0 0 0 0))
            (local.set $s01 (v128.const i32x4 0 0 0 0))
            (local.set $s10 (v128.const i32x4 0 0 0 0))
            (local.set $s11 (v128.const i32x4 0 0 0 0))
            (local.set $s20 (v128.const i32x4 0 0 0 0))
            (local.set $s21 (v128.const i32x4 0 0 0 0))
            (local.set $s30 (v128.const i32x4 0 0 0 0))
            (local.set $s31 (v128.const i32x4 0 0 0 0))
            (local.set $pa (local.get $ar))
            (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $p (i32.const 0))
            (block $kDone
              (loop $kLoop
                (br_if $kDone (i32.ge_s (local.get $p) (local.get $k)))
                (local.set $w0 (v128.load align=4 (local.get $pb)))
                (local.set $w1 (v128.load offset=16 align=4 (local.get $pb)))
                (local.set $x0 (v128.load32_splat (local.get $pa)))
                (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (local.get $x0) (local.get $w0))))
                (local.set $s01 (f32x4.add (local.get $s01) (f32x4.mul (local.get $x0) (local.get $w1))))
                (local.set $x1 (v128.load32_splat (i32.add (local.get $pa) (local.get $ai))))
                (local.set $s10 (f32x4.add (local.get $s10) (f32x4.mul (local.get $x1) (local.get $w0))))
                (local.set $s11 (f32x4.add (local.get $s11) (f32x4.mul (local.get $x1) (local.get $w1))))
                (local.set $x2 (v128.load32_splat (i32.add (local.get $pa) (i32.shl (local.get $ai) (i32.const 1)))))
                (local.set $s20 (f32x4.add (local.get $s20) (f32x4.mul (local.get $x2) (local.get $w0))))
                (local.set $s21 (f32x4.add (local.get $s21) (f32x4.mul (local.get $x2) (local.get $w1))))
                (local.set $x3 (v128.load32_splat (i32.add (local.get $pa) (i32.mul (local.get $ai) (i32.const 3)))))
                (local.set $s30 (f32x4.add (local.get $s30) (f32x4.mul (local.get $x3) (local.get $w0))))
                (local.set $s31 (f32x4.add (local.get $s31) (f32x4.mul (local.get $x3) (local.get $w1))))
                (local.set $pa (i32.add (local.get $pa) (local.get $ap)))
                (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $kLoop)))
            (local.set $cp (i32.add (local.get $c0) (i32.shl (local.get $j) (i32.const 2))))
            (if (local.get $acc)
              (then
                (local.set $s00 (f32x4.add (local.get $s00) (v128.load align=4 (local.get $cp))))
                (local.set $s01 (f32x4.add (local.get $s01) (v128.load offset=16 align=4 (local.get $cp))))
                (local.set $s10 (f32x4.add (local.get $s10) (v128.load align=4 (i32.add (local.get $cp) (local.get $ldc)))))
                (local.set $s11 (f32x4.add (local.get $s11) (v128.load offset=16 align=4 (i32.add (local.get $cp) (local.get $ldc)))))
                (local.set $s20 (f32x4.add (local.get $s20) (v128.load align=4 (i32.add (local.get $cp) (i32.shl (local.get $ldc) (i32.const 1))))))
                (local.set $s21 (f32x4.add (local.get $s21) (v128.load offset=16 align=4 (i32.add (local.get $cp) (i32.shl (local.get $ldc) (i32.const 1))))))
                (local.set $s30 (f32x4.add (local.get $s30) (v128.load align=4 (i32.add (local.get $cp) (i32.mul (local.get $ldc) (i32.const 3))))))
                (local.set $s31 (f32x4.add (local.get $s31) (v128.load offset=16 align=4 (i32.add (local.get $cp) (i32.mul (local.get $ldc) (i32.const 3))))))))
            (v128.store align=4 (local.get $cp) (local.get $s00))
            (v128.store offset=16 align=4 (local.get $cp) (local.get $s01))
            (v128.store align=4 (i32.add (local.get $cp) (local.get $ldc)) (local.get $s10))
            (v128.store offset=16 align=4 (i32.add (local.get $cp) (local.get $ldc)) (local.get $s11))
            (v128.store align=4 (i32.add (local.get $cp) (i32.shl (local.get $ldc) (i32.const 1))) (local.get $s20))
            (v128.store offset=16 align=4 (i32.add (local.get $cp) (i32.shl (local.get $ldc) (i32.const 1))) (local.get $s21))
            (v128.store align=4 (i32.add (local.get $cp) (i32.mul (local.get $ldc) (i32.const 3))) (local.get $s30))
            (v128.store offset=16 align=4 (i32.add (local.get $cp) (i32.mul (local.get $ldc) (i32.const 3))) (local.get $s31))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))
            (br $b8)))
        ;; Then 4 × 4, then single columns.
        (block $b4Done
          (loop $b4
            (br_if $b4Done (i32.ge_s (local.get $j) (local.get $n4)))
            (local.set $s00 (v128.const i32x4 0 0 0 0))
            (local.set $s10 (v128.const i32x4 0 0 0 0))
            (local.set $s20 (v128.const i32x4 0 0 0 0))
            (local.set $s30 (v128.const i32x4 0 0 0 0))
            (local.set $pa (local.get $ar))
            (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $p (i32.const 0))
            (block $k4Done
              (loop $k4Loop
                (br_if $k4Done (i32.ge_s (local.get $p) (local.get $k)))
                (local.set $w0 (v128.load align=4 (local.get $pb)))
                (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (v128.load32_splat (local.get $pa)) (local.get $w0))))
                (local.set $s10 (f32x4.add (local.get $s10) (f32x4.mul (v128.load32_splat (i32.add (local.get $pa) (local.get $ai))) (local.get $w0))))
                (local.set $s20 (f32x4.add (local.get $s20) (f32x4.mul (v128.load32_splat (i32.add (local.get $pa) (i32.shl (local.get $ai) (i32.const 1)))) (local.get $w0))))
                (local.set $s30 (f32x4.add (local.get $s30) (f32x4.mul (v128.load32_splat (i32.add (local.get $pa) (i32.mul (local.get $ai) (i32.const 3)))) (local.get $w0))))
                (local.set $pa (i32.add (local.get $pa) (local.get $ap)))
                (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $k4Loop)))
            (local.set $cp (i32.add (local.get $c0) (i32.shl (local.get $j) (i32.const 2))))
            (if (local.get $acc)
              (then
                (local.set $s00 (f32x4.add (local.get $s00) (v128.load align=4 (local.get $cp))))
                (local.set $s10 (f32x4.add (local.get $s10) (v128.load align=4 (i32.add (local.get $cp) (local.get $ldc)))))
                (local.set $s20 (f32x4.add (local.get $s20) (v128.load align=4 (i32.add (local.get $cp) (i32.shl (local.get $ldc) (i32.const 1))))))
                (local.set $s30 (f32x4.add (local.get $s30) (v128.load align=4 (i32.add (local.get $cp) (i32.mul (local.get $ldc) (i32.const 3))))))))
            (v128.store align=4 (local.get $cp) (local.get $s00))
            (v128.store align=4 (i32.add (local.get $cp) (local.get $ldc)) (local.get $s10))
            (v128.store align=4 (i32.add (local.get $cp) (i32.shl (local.get $ldc) (i32.const 1))) (local.get $s20))
            (v128.store align=4 (i32.add (local.get $cp) (i32.mul (local.get $ldc) (i32.const 3))) (local.get $s30))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $b4)))
        (block $b1Done
          (loop $b1
            (br_if $b1Done (i32.ge_s (local.get $j) (local.get $n)))
            (call $columnAB (i32.const 4) (local.get $k) (local.get $ar) (local.get $ai) (local.get $ap)
              (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldb)
              (i32.add (local.get $c0) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldc) (local.get $acc))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $b1)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows)))
    ;; Leftover rows: one at a time, 4 columns per vector.
    (block $restDone
      (loop $rest
        (br_if $restDone (i32.ge_s (local.get $i) (local.get $m)))
        (local.set $ar (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ai))))
        (local.set $c0 (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc))))
        (local.set $j (i32.const 0))
        (block $r4Done
          (loop $r4
            (br_if $r4Done (i32.ge_s (local.get $j) (local.get $n4)))
            (local.set $s00 (v128.const i32x4 0 0 0 0))
            (local.set $pa (local.get $ar))
            (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $p (i32.const 0))
            (block $rkDone
              (loop $rk
                (br_if $rkDone (i32.ge_s (local.get $p) (local.get $k)))
                (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (v128.load32_splat (local.get $pa)) (v128.load align=4 (local.get $pb)))))
                (local.set $pa (i32.add (local.get $pa) (local.get $ap)))
                (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $rk)))
            (local.set $cp (i32.add (local.get $c0) (i32.shl (local.get $j) (i32.const 2))))
            (if (local.get $acc)
              (then (local.set $s00 (f32x4.add (local.get $s00) (v128.load align=4 (local.get $cp))))))
            (v128.store align=4 (local.get $cp) (local.get $s00))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $r4)))
        (block $r1Done
          (loop $r1
            (br_if $r1Done (i32.ge_s (local.get $j) (local.get $n)))
            (call $columnAB (i32.const 1) (local.get $k) (local.get $ar) (local.get $ai) (local.get $ap)
              (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldb)
              (i32.add (local.get $c0) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldc) (local.get $acc))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $r1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rest))))

  ;; One column of gemmAB for $rows rows (strides already in bytes), one product at a time.
  (func $columnAB (param $rows i32) (param $k i32) (param $a i32) (param $ai i32) (param $ap i32)
    (param $b i32) (param $ldb i32) (param $c i32) (param $ldc i32) (param $acc i32)
    (local $r i32) (local $p i32) (local $pa i32) (local $pb i32) (local $t f32)
    (block $done
      (loop $rowLoop
        (br_if $done (i32.ge_s (local.get $r) (local.get $rows)))
        (local.set $t (f32.const 0))
        (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $r) (local.get $ai))))
        (local.set $pb (local.get $b))
        (local.set $p (i32.const 0))
        (block $kDone
          (loop $kLoop
            (br_if $kDone (i32.ge_s (local.get $p) (local.get $k)))
            (local.set $t (f32.add (local.get $t) (f32.mul (f32.load (local.get $pa)) (f32.load (local.get $pb)))))
            (local.set $pa (i32.add (local.get $pa) (local.get $ap)))
            (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $kLoop)))
        (call $put (i32.add (local.get $c) (i32.mul (local.get $r) (local.get $ldc))) (local.get $t) (local.get $acc))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop))))

  ;; Backpropagation through one step of the LSTM's gates for $rows rows and
  ;; units [0, $u2) ($u2 even; the caller does the rest), two units at a time
  ;; in double precision as the JS path computes them (tanh and sigmoid). Row
  ;; r reads the gates' activations and writes their gradients at $gates and
  ;; $dz + r · 4 · $units, and reads tanh c, c_prev, dh and dc at + r · $units
  ;; of $acts, $cPrev, $dhNext and $dcNext; dh adds the output's gradient at
  ;; $dOut + r · $dOutStride when $hasOut is set; dc_prev = dc · f replaces dc.
  (func (export "lstmGatesBackward")
    (param $rows i32) (param $u2 i32) (param $units i32)
    (param $gates i32) (param $dz i32) (param $acts i32) (param $cPrev i32) (param $dhNext i32) (param $dcNext i32)
    (param $dOut i32) (param $dOutStride i32) (param $hasOut i32)
    (local $r i32) (local $q i32) (local $qe i32) (local $ub i32) (local $gb i32)
    (local $gi i32) (local $gf i32) (local $gg i32) (local $go i32) (local $di i32) (local $df i32) (local $dg i32) (local $do i32)
    (local $dh v128) (local $dc v128) (local $i v128) (local $f v128) (local $g v128) (local $o v128) (local $ca v128)
    (local.set $ub (i32.shl (local.get $units) (i32.const 2)))
    (local.set $gb (i32.shl (local.get $ub) (i32.const 2)))
    (local.set $qe (i32.shl (local.get $u2) (i32.const 2)))
    (local.set $dOutStride (i32.shl (local.get $dOutStride) (i32.const 2)))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_s (local.get $r) (local.get $rows)))
        (local.set $gi (i32.add (local.get $gates) (i32.mul (local.get $r) (local.get $gb))))
        (local.set $gf (i32.add (local.get $gi) (local.get $ub)))
        (local.set $gg (i32.add (local.get $gf) (local.get $ub)))
        (local.set $go (i32.add (local.get $gg) (local.get $ub)))
        (local.set $di (i32.add (local.get $dz) (i32.mul (local.get $r) (local.get $gb))))
        (local.set $df (i32.add (local.get $di) (local.get $ub)))
        (local.set $dg (i32.add (local.get $df) (local.get $ub)))
        (local.set $do (i32.add (local.get $dg) (local.get $ub)))
        (local.set $q (i32.const 0))
        (block $unitsDone
          (loop $unitLoop
            (br_if $unitsDone (i32.ge_u (local.get $q) (local.get $qe)))
            (local.set $dh (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $dhNext) (local.get $q)))))
            (if (local.get $hasOut)
              (then (local.set $dh (f64x2.add (local.get $dh) (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $dOut) (local.get $q))))))))
            (local.set $i (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $gi) (local.get $q)))))
            (local.set $f (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $gf) (local.get $q)))))
            (local.set $g (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $gg) (local.get $q)))))
            (local.set $o (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $go) (local.get $q)))))
            (local.set $ca (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $acts) (local.get $q)))))
            ;; dc = dc_next + dh · o · (1 − tanh² c)
            (local.set $dc (f64x2.add (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $dcNext) (local.get $q))))
              (f64x2.mul (f64x2.mul (local.get $dh) (local.get $o)) (f64x2.sub (v128.const f64x2 1 1) (f64x2.mul (local.get $ca) (local.get $ca))))))
            (v128.store64_lane align=4 0 (i32.add (local.get $di) (local.get $q)) (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.mul (local.get $dc) (local.get $g)) (f64x2.mul (local.get $i) (f64x2.sub (v128.const f64x2 1 1) (local.get $i))))))
            (v128.store64_lane align=4 0 (i32.add (local.get $df) (local.get $q)) (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.mul (local.get $dc) (f64x2.promote_low_f32x4 (v128.load64_zero align=4 (i32.add (local.get $cPrev) (local.get $q))))) (f64x2.mul (local.get $f) (f64x2.sub (v128.const f64x2 1 1) (local.get $f))))))
            (v128.store64_lane align=4 0 (i32.add (local.get $dg) (local.get $q)) (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.mul (local.get $dc) (local.get $i)) (f64x2.sub (v128.const f64x2 1 1) (f64x2.mul (local.get $g) (local.get $g))))))
            (v128.store64_lane align=4 0 (i32.add (local.get $do) (local.get $q)) (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.mul (local.get $dh) (local.get $ca)) (f64x2.mul (local.get $o) (f64x2.sub (v128.const f64x2 1 1) (local.get $o))))))
            (v128.store64_lane align=4 0 (i32.add (local.get $dcNext) (local.get $q)) (f32x4.demote_f64x2_zero (f64x2.mul (local.get $dc) (local.get $f))))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (br $unitLoop)))
        (local.set $acts (i32.add (local.get $acts) (local.get $ub)))
        (local.set $cPrev (i32.add (local.get $cPrev) (local.get $ub)))
        (local.set $dhNext (i32.add (local.get $dhNext) (local.get $ub)))
        (local.set $dcNext (i32.add (local.get $dcNext) (local.get $ub)))
        (local.set $dOut (i32.add (local.get $dOut) (local.get $dOutStride)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop))))
)
