;;; The peer benchmark workload (../shared/bench/peer-workload.md) in CLIPS 6.30.
;;; The host asserts one `case` fact after (reset) and calls (run); it reads back the `score`,
;;; `fired` and `top` facts. Everything else happens in the rules:
;;;   salience 100  derived facts: (surplus) and one (flag) per true boolean derived fact
;;;   salience 0    the 24 rules: each asserts (fired) and one (award) per strategy it scores
;;;   salience -10  awards are added into the strategies' (score) facts
;;;   salience -20  vetoes force a score to 0
;;;   salience -30  the top strategy: the highest score above 0, the earliest in order on a tie

(deftemplate case
  (slot days_overdue (type INTEGER))
  (slot amount (type INTEGER FLOAT))
  (slot hardship (type SYMBOL)
    (allowed-symbols none illness job_loss income_drop business_failure family_emergency disaster platform_error overspending))
  (slot has_proof (type SYMBOL) (allowed-symbols TRUE FALSE))
  (slot credit_history (type SYMBOL) (allowed-symbols good fair poor))
  (slot prior_defaults (type INTEGER))
  (slot monthly_income (type INTEGER))
  (slot monthly_expenses (type INTEGER))
  (slot platform_allows_installment (type SYMBOL) (allowed-symbols TRUE FALSE))
  (slot platform_allows_waiver (type SYMBOL) (allowed-symbols TRUE FALSE))
  (slot contacted_before (type INTEGER))
  (slot collection_calls_per_day (type INTEGER)))

(deftemplate surplus (slot value (type INTEGER)))
(deftemplate flag (slot name (type SYMBOL)))
(deftemplate fired (slot rule (type SYMBOL)))
(deftemplate award (slot rule (type SYMBOL)) (slot strategy (type SYMBOL)) (slot points (type INTEGER)))
(deftemplate vetoed (slot strategy (type SYMBOL)))
(deftemplate score (slot strategy (type SYMBOL)) (slot order (type INTEGER)) (slot value (type INTEGER)))
(deftemplate top (slot strategy (type SYMBOL)))

;;; Every strategy starts at 0; (reset) asserts these again for each case.
(deffacts strategies
  (score (strategy grace_period) (order 1) (value 0))
  (score (strategy extension) (order 2) (value 0))
  (score (strategy installment) (order 3) (value 0))
  (score (strategy fee_waiver) (order 4) (value 0))
  (score (strategy stop_collection) (order 5) (value 0))
  (score (strategy written_application) (order 6) (value 0))
  (score (strategy escalate) (order 7) (value 0))
  (score (strategy third_party) (order 8) (value 0)))

;;; ---- derived facts ------------------------------------------------------------------------

(defrule derive-surplus (declare (salience 100))
  (case (monthly_income ?i) (monthly_expenses ?e))
  => (assert (surplus (value (- ?i ?e)))))

(defrule derive-short_overdue (declare (salience 100))
  (case (days_overdue ?d&:(<= ?d 30)) (amount ?a&:(< ?a 5000)))
  => (assert (flag (name short_overdue))))

(defrule derive-long_overdue (declare (salience 100))
  (case (days_overdue ?d&:(> ?d 90)))
  => (assert (flag (name long_overdue))))

(defrule derive-force_majeure (declare (salience 100))
  (case (hardship illness|disaster|family_emergency))
  => (assert (flag (name force_majeure))))

(defrule derive-cash_gap-income (declare (salience 100))
  (case (hardship job_loss|income_drop))
  => (assert (flag (name cash_gap))))

(defrule derive-cash_gap-no-surplus (declare (salience 100))
  (case (hardship none))
  (surplus (value ?s&:(<= ?s 0)))
  => (assert (flag (name cash_gap))))

(defrule derive-large_amount (declare (salience 100))
  (case (amount ?a&:(>= ?a 20000)))
  => (assert (flag (name large_amount))))

(defrule derive-good_standing (declare (salience 100))
  (case (credit_history good) (prior_defaults 0))
  => (assert (flag (name good_standing))))

(defrule derive-harassment (declare (salience 100))
  (case (collection_calls_per_day ?c&:(> ?c 3)))
  => (assert (flag (name harassment))))

;;; ---- the 24 rules --------------------------------------------------------------------------

(defrule R01
  (flag (name short_overdue)) (flag (name cash_gap))
  => (assert (fired (rule R01)) (award (rule R01) (strategy grace_period) (points 5))))

(defrule R02
  (flag (name short_overdue)) (case (hardship none) (credit_history ~poor))
  => (assert (fired (rule R02)) (award (rule R02) (strategy grace_period) (points 2))))

(defrule R03
  (flag (name force_majeure)) (case (has_proof TRUE))
  => (assert (fired (rule R03))
             (award (rule R03) (strategy fee_waiver) (points 4))
             (award (rule R03) (strategy extension) (points 3))))

(defrule R04
  (flag (name force_majeure)) (case (has_proof FALSE))
  => (assert (fired (rule R04))
             (award (rule R04) (strategy extension) (points 2))
             (award (rule R04) (strategy written_application) (points 1))))

(defrule R05
  (flag (name long_overdue))
  => (assert (fired (rule R05)) (award (rule R05) (strategy written_application) (points 4))))

(defrule R06
  (surplus (value ?s&:(> ?s 0))) (flag (name large_amount))
  => (assert (fired (rule R06)) (award (rule R06) (strategy installment) (points 5))))

(defrule R07
  (surplus (value ?s&:(> ?s 0)))
  (case (amount ?a&:(>= (* ?s 6) ?a)) (days_overdue ?d&:(> ?d 30)))
  => (assert (fired (rule R07)) (award (rule R07) (strategy extension) (points 3))))

(defrule R08
  (surplus (value ?s&:(<= ?s 0))) (case (amount ?a&:(>= ?a 5000)))
  => (assert (fired (rule R08))
             (award (rule R08) (strategy installment) (points 2))
             (award (rule R08) (strategy fee_waiver) (points 1))))

(defrule R09
  (flag (name good_standing))
  => (assert (fired (rule R09))
             (award (rule R09) (strategy grace_period) (points 1))
             (award (rule R09) (strategy extension) (points 1))
             (award (rule R09) (strategy installment) (points 1))
             (award (rule R09) (strategy fee_waiver) (points 1))))

(defrule R10
  (or (case (credit_history poor))
      (case (prior_defaults ?p&:(>= ?p 2))))
  (not (fired (rule R10)))
  => (assert (fired (rule R10)) (award (rule R10) (strategy written_application) (points 2))))

(defrule R11
  (case (hardship platform_error))
  => (assert (fired (rule R11))
             (award (rule R11) (strategy fee_waiver) (points 5))
             (award (rule R11) (strategy third_party) (points 3))))

(defrule R12
  (case (hardship platform_error) (has_proof TRUE))
  => (assert (fired (rule R12)) (award (rule R12) (strategy escalate) (points 2))))

(defrule R13
  (case (contacted_before ?c&:(>= ?c 3)) (days_overdue ?d&:(> ?d 30)))
  => (assert (fired (rule R13)) (award (rule R13) (strategy escalate) (points 3))))

(defrule R14
  (case (amount ?a&:(>= ?a 50000)))
  (or (case (has_proof TRUE))
      (case (credit_history good)))
  (not (fired (rule R14)))
  => (assert (fired (rule R14)) (award (rule R14) (strategy written_application) (points 2))))

(defrule R15
  (flag (name harassment))
  => (assert (fired (rule R15))
             (award (rule R15) (strategy stop_collection) (points 5))
             (award (rule R15) (strategy third_party) (points 2))))

(defrule R16
  (flag (name harassment)) (case (has_proof TRUE))
  => (assert (fired (rule R16)) (award (rule R16) (strategy escalate) (points 2))))

(defrule R17
  (case (hardship overspending)) (surplus (value ?s&:(> ?s 0)))
  => (assert (fired (rule R17)) (award (rule R17) (strategy installment) (points 2))))

(defrule R18
  (case (hardship job_loss|business_failure)) (flag (name long_overdue))
  => (assert (fired (rule R18))
             (award (rule R18) (strategy extension) (points 2))
             (award (rule R18) (strategy written_application) (points 2))))

(defrule R19
  (flag (name force_majeure)) (flag (name long_overdue))
  => (assert (fired (rule R19)) (award (rule R19) (strategy stop_collection) (points 2))))

(defrule R20
  (case (days_overdue ?d&:(<= ?d 7)) (contacted_before 0))
  => (assert (fired (rule R20)) (award (rule R20) (strategy grace_period) (points 3))))

(defrule R21
  (case (hardship disaster))
  => (assert (fired (rule R21))
             (award (rule R21) (strategy stop_collection) (points 3))
             (award (rule R21) (strategy extension) (points 2))))

(defrule R22
  (case (prior_defaults ?p&:(>= ?p 3)))
  (not (flag (name force_majeure)))
  => (assert (fired (rule R22))
             (award (rule R22) (strategy third_party) (points 1))
             (award (rule R22) (strategy written_application) (points 1))))

(defrule V01
  (case (platform_allows_installment FALSE))
  => (assert (fired (rule V01)) (vetoed (strategy installment))))

(defrule V02
  (case (platform_allows_waiver FALSE))
  => (assert (fired (rule V02)) (vetoed (strategy fee_waiver))))

;;; ---- scores, vetoes, top -------------------------------------------------------------------

(defrule add-award (declare (salience -10))
  ?award <- (award (strategy ?s) (points ?p))
  ?score <- (score (strategy ?s) (value ?v))
  => (retract ?award)
     (modify ?score (value (+ ?v ?p))))

(defrule apply-veto (declare (salience -20))
  (vetoed (strategy ?s))
  ?score <- (score (strategy ?s) (value ?v&~0))
  => (modify ?score (value 0)))

(defrule pick-top (declare (salience -30))
  (score (strategy ?s) (order ?o) (value ?v&:(> ?v 0)))
  (not (score (value ?higher&:(> ?higher ?v))))
  (not (score (order ?earlier&:(< ?earlier ?o)) (value ?v)))
  => (assert (top (strategy ?s))))

(defrule no-top (declare (salience -40))
  (not (top))
  => (assert (top (strategy none))))
