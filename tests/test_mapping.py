"""Mapping rows of releases to taxonomy concepts, and the taxonomy holding together.

The table below is realistic line items of different kinds of issuers (an industrial, a
retailer, software companies, a bank, a China-based ADR issuer), each as printed: its label,
the section headings above it, the statement it sits in and its numbers, with the concept it
must map to. `None` means no concept may be claimed: the row keeps an extension concept named
after its label. Many rows reuse the words of another line in another section ("Research
and development" under a stock-based compensation footnote, "Accounts receivable" under
changes in operating assets, "Other" under investing activities); those pairs are the point.

The second half checks the taxonomy source itself: every concept described and typed, every
calculation arc legal under XBRL's balance rule, every concept placed in a presentation tree,
and no wording claimed by two concepts without context telling them apart.
"""

from __future__ import annotations

import tomllib
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

import pytest

from exporter.labels import label_tokens
from exporter.mapping import RowMapping, map_tables
from exporter.numbers import parse_number
from exporter.periods import Period
from exporter.tables.model import Column, ColumnBlock, Scale, StatementTable, TableRow, ValueCell
from exporter.taxonomy import ConceptType, PeriodType, load_taxonomy

STATEMENTS_DIR = Path(__file__).parent.parent / "taxonomy" / "statements"

TITLES = {
    "balance_sheet": "Condensed Consolidated Balance Sheets",
    "income_statement": "Condensed Consolidated Statements of Operations",
    "cash_flow": "Condensed Consolidated Statements of Cash Flows",
    "comprehensive_income": "Condensed Consolidated Statements of Comprehensive Income",
    "non_gaap": "Reconciliation of GAAP and Non-GAAP Results",
    "other": "Supplemental Information",
}
BS, IS, CF, CI, NG = (
    "balance_sheet",
    "income_statement",
    "cash_flow",
    "comprehensive_income",
    "non_gaap",
)
MONEY = ("1,234", "1,150")
PER_SHARE = ("0.48", "0.41")
PERCENT = ("23.2 %", "22.1 %")

# Section headings as releases print them.
CHANGES = ("Changes in operating assets and liabilities:",)
ADJUSTMENTS = ("Adjustments to reconcile net income to net cash provided by operating activities:",)
INVESTING = ("Cash flows from investing activities:",)
FINANCING = ("Cash flows from financing activities:",)
CURRENT_ASSETS = ("ASSETS", "Current assets:")
NONCURRENT_ASSETS = ("ASSETS", "Non-current assets:")
CURRENT_LIABILITIES = ("LIABILITIES AND SHAREHOLDERS' EQUITY", "Current liabilities:")
LIABILITIES = ("LIABILITIES AND STOCKHOLDERS' EQUITY",)
SBC_FOOTNOTE = ("(1) Includes stock-based compensation expense as follows:",)


class Case(NamedTuple):
    label: str
    sections: tuple[str, ...]
    kind: str
    expected: str | None
    values: tuple[str, ...] = MONEY
    issuer: str | None = None


def case(label, sections, kind, expected, values=MONEY, issuer=None, name=None):
    return pytest.param(Case(label, sections, kind, expected, values, issuer), id=name or label)


CASES = [
    # --- An industrial (packaging) issuer ---------------------------------------------------
    # Net sales in a 2024 release: the contract-with-customer element (see [[choice]]).
    case("Net sales", (), IS, "RevenueFromContractWithCustomerExcludingAssessedTax"),
    case(
        "Cost of products sold",
        (),
        IS,
        "CostOfGoodsAndServicesSold",
        name="cost of products sold, one line",
    ),
    case(
        "Selling, general and administrative expenses",
        (),
        IS,
        "SellingGeneralAndAdministrativeExpense",
    ),
    case(
        "Restructuring, impairment and other related activities, net",
        (),
        IS,
        "RestructuringSettlementAndImpairmentProvisions",
    ),
    case("(Loss) income from operations", (), IS, "OperatingIncomeLoss"),
    case("Interest expense, net", (), IS, "InterestExpenseNonoperating"),
    # Alone, "other" non-operating income is the whole non-operating result.
    case("Other non-operating income/(expense), net", (), IS, "NonoperatingIncomeExpense"),
    case(
        "Income before income taxes and equity in earnings of affiliates",
        (),
        IS,
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments",
    ),
    case(
        "Equity in earnings of unconsolidated affiliates",
        (),
        IS,
        "IncomeLossFromEquityMethodInvestments",
    ),
    # Whose noncontrolling interests, named after them, is still theirs' share.
    case(
        "Less: Net income attributable to noncontrolling interests in consolidated joint ventures",
        (),
        IS,
        "NetIncomeLossAttributableToNoncontrollingInterest",
    ),
    case(
        "Net income attributable to noncontrolling interests in consolidated subsidiaries",
        (),
        IS,
        "NetIncomeLossAttributableToNoncontrollingInterest",
    ),
    # No noncontrolling interest printed: the parent's net income.
    case("Net earnings", (), IS, "NetIncomeLoss"),
    case("Net income attributable to Amcor plc", (), IS, "NetIncomeLoss", issuer="Amcor plc"),
    case(
        "Basic earnings per share attributable to Amcor",
        (),
        IS,
        "EarningsPerShareBasic",
        (".074", ".124"),
        issuer="Amcor plc",
    ),
    case(
        "Weighted average number of shares outstanding – Basic",
        (),
        IS,
        "WeightedAverageNumberOfSharesOutstandingBasic",
        ("1,487", "1,452"),
    ),
    case("Trade receivables, net", (), BS, "AccountsReceivableNetCurrent"),
    case(
        "Goodwill and other intangible assets, net", (), BS, "IntangibleAssetsNetIncludingGoodwill"
    ),
    case("Short-term debt and current portion of long-term debt", (), BS, "DebtCurrent"),
    case("Long-term debt, less current portion", (), BS, "LongTermDebtNoncurrent"),
    case(
        "Depreciation, amortization and accretion",
        ADJUSTMENTS,
        CF,
        "DepreciationAmortizationAndAccretionNet",
    ),
    case(
        "Purchase of property, plant and equipment and other intangible assets",
        INVESTING,
        CF,
        "PaymentsToAcquireProductiveAssets",
    ),
    case(
        "Proceeds/(payments) from divestitures",
        INVESTING,
        CF,
        "ProceedsFromDivestitureOfBusinessesNetOfCashDivested",
    ),
    case("Net debt proceeds", FINANCING, CF, "ProceedsFromRepaymentsOfDebt"),
    case("EBITDA", (), NG, "Ebitda"),
    case("Adjusted EBITDA", (), NG, "AdjustedEbitda"),
    case("Adjusted EBITDA margin", (), NG, "AdjustedEbitdaMargin", ("18.2%", "17.5%")),
    case("Adjusted free cash flow", (), NG, "AdjustedFreeCashFlow"),
    case("Net debt", (), NG, "NetDebt", name="net debt (instant)"),
    # --- A retailer --------------------------------------------------------------------------
    case("Revenue", (), IS, "Revenues"),
    case("Gross profit %", (), IS, "GrossProfitMargin", PERCENT),
    case("SG&A", (), IS, "SellingGeneralAndAdministrativeExpense"),
    case(
        "Earnings before income tax expense and equity in income (loss) of affiliates",
        (),
        IS,
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments",
    ),
    case("Effective tax rate", (), IS, "EffectiveIncomeTaxRateContinuingOperations", PERCENT),
    case("Merchandise inventories", CURRENT_ASSETS, BS, "InventoryNet"),
    case(
        "Accrued compensation and related expenses",
        CURRENT_LIABILITIES,
        BS,
        "EmployeeRelatedLiabilitiesCurrent",
    ),
    case(
        "Current portion of operating lease liabilities",
        CURRENT_LIABILITIES,
        BS,
        "OperatingLeaseLiabilityCurrent",
    ),
    case("Long-term operating lease liabilities", (), BS, "OperatingLeaseLiabilityNoncurrent"),
    case(
        "Merchandise inventories",
        CHANGES,
        CF,
        "IncreaseDecreaseInInventories",
        name="inventories, change",
    ),
    case(
        "Income taxes",
        CHANGES,
        CF,
        "IncreaseDecreaseInAccruedIncomeTaxesPayable",
        name="income taxes, change",
    ),
    case(
        "Additions to property and equipment",
        INVESTING,
        CF,
        "PaymentsToAcquirePropertyPlantAndEquipment",
    ),
    case(
        "Other, net",
        INVESTING,
        CF,
        "PaymentsForProceedsFromOtherInvestingActivities",
        name="other, investing",
    ),
    case(
        "Other, net",
        FINANCING,
        CF,
        "ProceedsFromPaymentsForOtherFinancingActivities",
        name="other, financing",
    ),
    case(
        "Decrease in cash, cash equivalents and restricted cash",
        (),
        CF,
        "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect",
    ),
    case("Non-GAAP SG&A", (), NG, "NonGaapSellingGeneralAndAdministrativeExpense"),
    case("Non-GAAP diluted EPS", (), NG, "NonGaapEarningsPerShareDiluted", ("1.22", "1.54")),
    case(
        "Intangible asset amortization",
        (),
        NG,
        "NonGaapAdjustmentAmortizationOfIntangibleAssets",
        name="amortization, non-GAAP adjustment",
    ),
    case(
        "Amortization of intangible assets",
        (),
        IS,
        "AmortizationOfIntangibleAssets",
        name="amortization, expense",
    ),
    # --- Software issuers --------------------------------------------------------------------
    case(
        "Subscription and support",
        ("Revenues:",),
        IS,
        "SubscriptionRevenue",
        name="subscription, revenue",
    ),
    case(
        "Subscription and support",
        ("Cost of revenues (1):",),
        IS,
        "CostOfSubscriptionRevenue",
        name="subscription, cost",
    ),
    case(
        "Professional services and other",
        ("Revenues:",),
        IS,
        "ServiceRevenue",
        name="services, revenue",
    ),
    case(
        "Professional services and other",
        ("Cost of revenues:",),
        IS,
        "CostOfServices",
        name="services, cost",
    ),
    case("Products", ("Net sales:",), IS, "ProductRevenue", name="products, revenue"),
    case("Products", ("Cost of sales:",), IS, "CostOfProducts", name="products, cost"),
    case("Marketing and sales", ("Operating expenses:",), IS, "SellingAndMarketingExpense"),
    case(
        "Cost of sales",
        SBC_FOOTNOTE,
        IS,
        "ShareBasedCompensationCostOfRevenue",
        name="cost of sales, SBC footnote",
    ),
    case(
        "Research and development",
        ("Stock-based compensation expense:",),
        IS,
        "ShareBasedCompensationResearchAndDevelopment",
        name="R&D, SBC footnote",
    ),
    case(
        "Selling, general and administrative",
        SBC_FOOTNOTE,
        IS,
        "ShareBasedCompensationSellingGeneralAndAdministrative",
        name="SG&A, SBC footnote",
    ),
    case(
        "Total",
        ("Stock-based compensation expense:",),
        IS,
        "AllocatedShareBasedCompensationExpense",
        name="total, SBC footnote",
    ),
    case(
        "Research and development",
        ("Operating expenses:",),
        IS,
        "ResearchAndDevelopmentExpense",
        name="R&D, expense",
    ),
    case(
        "Research and development",
        ("Operating expenses, excluding stock-based compensation:",),
        NG,
        "ResearchAndDevelopmentExpense",
        name="R&D excluding SBC is not SBC",
    ),
    case(
        "Share-based compensation in research and development",
        (),
        NG,
        "ShareBasedCompensationResearchAndDevelopment",
    ),
    case(
        "Costs capitalized to obtain revenue contracts, net",
        ("Current assets:",),
        BS,
        "CapitalizedContractCostNetCurrent",
    ),
    case(
        "Noncurrent costs capitalized to obtain revenue contracts, net",
        (),
        BS,
        "CapitalizedContractCostNetNoncurrent",
    ),
    case("Strategic investments", (), BS, "LongTermInvestments"),
    case("Unearned revenue", ("Current liabilities:",), BS, "ContractWithCustomerLiabilityCurrent"),
    case(
        "Vendor non-trade receivables",
        CURRENT_ASSETS,
        BS,
        "NontradeReceivablesCurrent",
        name="non-trade receivables",
    ),
    case(
        "Deferred revenue – non-current",
        ("LIABILITIES AND SHAREHOLDERS’ EQUITY:",),
        BS,
        "ContractWithCustomerLiabilityNoncurrent",
    ),
    case("Long-term marketable securities", ("ASSETS:",), BS, "MarketableSecuritiesNoncurrent"),
    case(
        "Accounts receivable, net",
        CHANGES,
        CF,
        "IncreaseDecreaseInAccountsReceivable",
        name="receivables, change",
    ),
    case(
        "Vendor non-trade receivables",
        CHANGES,
        CF,
        "IncreaseDecreaseInOtherReceivables",
        name="non-trade, change",
    ),
    case(
        "Deferred revenue",
        CHANGES,
        CF,
        "IncreaseDecreaseInContractWithCustomerLiability",
        name="deferred revenue, change",
    ),
    case(
        "Proceeds from maturities of marketable securities",
        INVESTING,
        CF,
        "ProceedsFromMaturitiesPrepaymentsAndCallsOfAvailableForSaleSecurities",
    ),
    case(
        "Payments for taxes related to net share settlement of equity awards",
        FINANCING,
        CF,
        "PaymentsRelatedToTaxWithholdingForShareBasedCompensation",
    ),
    case(
        "Repayments of commercial paper, net",
        FINANCING,
        CF,
        "ProceedsFromRepaymentsOfCommercialPaper",
    ),
    case(
        "Other",
        ("Operating activities:", *ADJUSTMENTS),
        CF,
        "OtherOperatingActivitiesCashFlowStatement",
        name="other, operating",
    ),
    case(
        "Amortization of costs capitalized to obtain revenue contracts, net",
        ADJUSTMENTS,
        CF,
        "CapitalizedContractCostAmortization",
    ),
    case(
        "Stock-based compensation expense",
        ADJUSTMENTS,
        CF,
        "ShareBasedCompensation",
        name="SBC, cash flow",
    ),
    case(
        "Stock-based compensation expense",
        ("Plus:",),
        NG,
        "NonGaapAdjustmentShareBasedCompensation",
        name="SBC, non-GAAP adjustment",
    ),
    case(
        "GAAP income from operations",
        ("Non-GAAP income from operations",),
        NG,
        "OperatingIncomeLoss",
    ),
    case("Free cash flow", (), NG, "FreeCashFlow"),
    case("Income tax effects and adjustments", ("Plus:",), NG, "NonGaapAdjustmentIncomeTaxEffect"),
    case(
        "Non-GAAP diluted net income per share",
        ("Non-GAAP Diluted Net Income Per Share",),
        NG,
        "NonGaapEarningsPerShareDiluted",
        ("2.12", "1.19"),
    ),
    case(
        "Diluted net income per share",
        ("GAAP Diluted Net Income Per Share",),
        NG,
        "EarningsPerShareDiluted",
        ("1.28", "0.07"),
        name="GAAP EPS in a non-GAAP table",
    ),
    case(
        "Shares used in computing diluted net income per share",
        (),
        IS,
        "WeightedAverageNumberOfDilutedSharesOutstanding",
        ("986", "1,001"),
    ),
    case(
        "Basic",
        ("Shares used in computing earnings per share (in millions):",),
        IS,
        "WeightedAverageNumberOfSharesOutstandingBasic",
        ("218.6", "225.4"),
        name="basic shares in millions",
    ),
    # --- A bank ------------------------------------------------------------------------------
    case("Cash and due from banks", ("ASSETS",), BS, "CashAndDueFromBanks"),
    case(
        "Interest-bearing deposits in other banks",
        ("ASSETS",),
        BS,
        "InterestBearingDepositsInBanks",
    ),
    case(
        "Securities available for sale", ("ASSETS",), BS, "AvailableForSaleSecuritiesDebtSecurities"
    ),
    case(
        "Loans, net of allowance for credit losses",
        ("ASSETS",),
        BS,
        "LoansAndLeasesReceivableNetReportedAmount",
    ),
    case(
        "Noninterest-bearing",
        ("LIABILITIES", "Deposits:"),
        BS,
        "NoninterestBearingDepositLiabilities",
    ),
    case("Interest-bearing", ("LIABILITIES", "Deposits:"), BS, "InterestBearingDepositLiabilities"),
    case("Total deposits", ("LIABILITIES",), BS, "Deposits"),
    case(
        "Interest-bearing deposits",
        ("ASSETS",),
        BS,
        None,
        name="interest-bearing deposits held are no liability",
    ),
    case("Loans, including fees", ("Interest income:",), IS, "InterestAndFeeIncomeLoansAndLeases"),
    case("Investment securities", ("Interest income:",), IS, "InterestAndDividendIncomeSecurities"),
    case(
        "Deposits",
        ("Interest expense:",),
        IS,
        "InterestExpenseDeposits",
        name="interest on deposits",
    ),
    case("Total interest income", (), IS, "InterestAndDividendIncomeOperating"),
    case("Net interest income", (), IS, "InterestIncomeExpenseNet"),
    case("Provision for credit losses", (), IS, "ProvisionForLoanLeaseAndOtherLosses"),
    case(
        "Net interest income after provision for credit losses",
        (),
        IS,
        "InterestIncomeExpenseAfterProvisionForLoanLoss",
    ),
    case("Total noninterest income", (), IS, "NoninterestIncome"),
    case("Salaries and employee benefits", ("Noninterest expense:",), IS, "LaborAndRelatedExpense"),
    case("Total noninterest expense", (), IS, "NoninterestExpense"),
    # --- A China-based ADR issuer ------------------------------------------------------------
    case(
        "Prepayments and other current assets",
        CURRENT_ASSETS,
        BS,
        "PrepaidExpenseAndOtherAssetsCurrent",
    ),
    case("Land use rights, net", NONCURRENT_ASSETS, BS, "LandUseRightsNet"),
    case("Short-term bank loans", CURRENT_LIABILITIES, BS, "ShortTermBorrowings"),
    case(
        "Salaries and welfare payable", CURRENT_LIABILITIES, BS, "EmployeeRelatedLiabilitiesCurrent"
    ),
    case(
        "Advances from customers", CURRENT_LIABILITIES, BS, "ContractWithCustomerLiabilityCurrent"
    ),
    case(
        "Total liabilities, mezzanine equity and shareholders' equity",
        (),
        BS,
        "LiabilitiesAndStockholdersEquity",
    ),
    case(
        "Share of losses of equity method investees",
        (),
        IS,
        "IncomeLossFromEquityMethodInvestments",
    ),
    case(
        "Basic",
        ("Net income per ADS",),
        IS,
        "EarningsPerAdsBasic",
        ("7.02", "13.40"),
        name="basic, per ADS",
    ),
    case(
        "Diluted",
        ("Non-GAAP net income per ADS",),
        NG,
        "NonGaapEarningsPerAdsDiluted",
        ("7.14", "13.66"),
        name="diluted, non-GAAP per ADS",
    ),
    case(
        "Basic",
        ("Non-GAAP net income per share",),
        NG,
        "NonGaapEarningsPerShareBasic",
        ("3.57", "6.83"),
        name="basic, non-GAAP per share",
    ),
    case(
        "Basic",
        ("Net income per share",),
        NG,
        "EarningsPerShareBasic",
        ("3.51", "6.70"),
        name="basic, GAAP per share in a non-GAAP table",
    ),
    case(
        "Foreign currency translation adjustment, net of nil tax",
        (),
        CI,
        "OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax",
    ),
    case(
        "Comprehensive income attributable to ordinary shareholders",
        (),
        CI,
        "ComprehensiveIncomeNetOfTax",
    ),
    case(
        "Placement of short-term investments",
        INVESTING,
        CF,
        "PaymentsToAcquireShortTermInvestments",
    ),
    case(
        "Proceeds from issuance of ordinary shares",
        FINANCING,
        CF,
        "ProceedsFromIssuanceOfCommonStock",
    ),
    # --- A Japanese issuer (Japanese GAAP wording in English) --------------------------------
    # No noncontrolling interest printed beside it: the parent's net income.
    case("Profit", (), IS, "NetIncomeLoss"),
    case(
        "Total net assets",
        (),
        BS,
        "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest",
    ),
    case("Total liabilities and net assets", (), BS, "LiabilitiesAndStockholdersEquity"),
    # --- The span a label says its figure covers names no other line item ----------------
    case("Profit for the half-year attributable to members", (), IS, "NetIncomeLoss"),
    case("Profit for the half-year attributable to owners of the parent", (), IS, "NetIncomeLoss"),
    case("Net loss for the three months", (), IS, "NetIncomeLoss"),
    case("Revenue for the first half", (), IS, "Revenues"),
    case("Profit for the 2nd quarter", (), IS, "NetIncomeLoss"),
    # --- Words saying the figure is on the reported basis name no other line item -----------
    case("Statutory revenue", (), IS, "Revenues"),
    case("Reported revenue", (), IS, "Revenues"),
    case("Revenue - GAAP", (), IS, "Revenues"),
    case("Net income, as reported", (), IS, "NetIncomeLoss"),
    case("Statutory profit after tax", (), IS, "NetIncomeLoss"),
    case("Operating income (U.S. GAAP)", (), IS, "OperatingIncomeLoss"),
    case("IFRS operating profit", (), IS, "OperatingIncomeLoss"),
    case("Statutory NPAT", (), IS, "NetIncomeLoss"),
    case("Net income - Non-GAAP", (), IS, "NonGaapNetIncome", name="non-GAAP stays non-GAAP"),
    # --- Same words, other meaning: the context decides, else nothing is claimed -------------
    case(
        "Accounts receivable",
        CURRENT_ASSETS,
        BS,
        "AccountsReceivableNetCurrent",
        name="receivables, balance",
    ),
    case(
        "Accounts receivable",
        (),
        CF,
        None,
        name="receivables in a cash flow without a changes heading",
    ),
    case("Other", CURRENT_ASSETS, BS, None, name="bare other, balance sheet"),
    case("Other", (), CF, None, name="bare other, cash flow without a section"),
    case(
        "Cost of sales",
        ("Operating expenses:",),
        IS,
        "CostOfGoodsAndServicesSold",
        name="cost of sales, expense",
    ),
    case(
        "Restructuring costs",
        ("Operating expenses:",),
        NG,
        "RestructuringCharges",
        name="restructuring line of a GAAP/non-GAAP statement",
    ),
    case(
        "Restructuring",
        ("Plus:",),
        NG,
        "NonGaapAdjustmentRestructuring",
        name="restructuring, non-GAAP adjustment",
    ),
    case("Income taxes", (), IS, "IncomeTaxExpenseBenefit", name="income taxes, expense"),
    case("Income Tax and Social Contribution", (), IS, "IncomeTaxExpenseBenefit"),
    case("Income taxes and social contribution", (), IS, "IncomeTaxExpenseBenefit"),
    case("Income tax and social contribution expense", (), IS, "IncomeTaxExpenseBenefit"),
    case("Provision for income tax and social contribution", (), IS, "IncomeTaxExpenseBenefit"),
    case(
        "Operating lease liabilities, less current portion",
        LIABILITIES,
        BS,
        "OperatingLeaseLiabilityNoncurrent",
    ),
    case("Long-term debt, net of current portion", LIABILITIES, BS, "LongTermDebtNoncurrent"),
    case(
        "Operating lease liabilities",
        LIABILITIES,
        BS,
        None,
        name="lease liabilities without current or non-current",
    ),
    case(
        "Deferred income taxes",
        LIABILITIES,
        BS,
        "DeferredIncomeTaxLiabilitiesNet",
        name="deferred taxes, liability",
    ),
    case(
        "Deferred income taxes",
        ("ASSETS",),
        BS,
        "DeferredIncomeTaxAssetsNet",
        name="deferred taxes, asset",
    ),
    case(
        "Deferred income taxes",
        ADJUSTMENTS,
        CF,
        "DeferredIncomeTaxExpenseBenefit",
        name="deferred taxes, expense",
    ),
    case(
        "Restricted cash",
        CURRENT_ASSETS,
        BS,
        "RestrictedCashCurrent",
        name="restricted cash, current",
    ),
    case(
        "Restricted cash",
        NONCURRENT_ASSETS,
        BS,
        "RestrictedCashNoncurrent",
        name="restricted cash, non-current",
    ),
    case(
        "Contract assets",
        CURRENT_ASSETS,
        BS,
        "ContractWithCustomerAssetNetCurrent",
        name="contract assets, balance",
    ),
    case(
        "Contract assets",
        CHANGES,
        CF,
        "IncreaseDecreaseInContractWithCustomerAsset",
        name="contract assets, change",
    ),
    case(
        "Continuing operations",
        ("Basic",),
        IS,
        "IncomeLossFromContinuingOperationsPerBasicShare",
        ("0.17", "0.14"),
        name="continuing operations, basic EPS",
    ),
    case(
        "Continuing operations",
        ("Diluted",),
        IS,
        "IncomeLossFromContinuingOperationsPerDilutedShare",
        ("0.16", "0.13"),
        name="continuing operations, diluted EPS",
    ),
    case(
        "Continuing operations",
        (),
        IS,
        None,
        ("204,907", "5,453,643"),
        name="continuing operations, money",
    ),
    case("Deposits", ("Interest income:",), IS, None, name="deposits under interest income"),
    case("Other", ("Revenues:",), IS, None, name="other revenue line"),
    case("Adjusted EBITDA", (), NG, "AdjustedEbitda", name="adjusted EBITDA, not its margin"),
    # Basic or diluted said in parentheses, or by a heading above rows that do not say it.
    case(
        "Net earnings per share (Diluted)",
        (),
        IS,
        "EarningsPerShareDiluted",
        ("1.33", "1.86"),
    ),
    case(
        "Average shares outstanding (Basic/Diluted)*",
        (),
        IS,
        "WeightedAverageNumberOfShareOutstandingBasicAndDiluted",
        ("2,605.5", "2,663.6"),
    ),
    case("Net income (in millions)", (), IS, "NetIncomeLoss", name="net income, annotated"),
    case(
        "Net income attributable to Acme per common share",
        ("Diluted",),
        IS,
        "EarningsPerShareDiluted",
        ("1.40", "1.29"),
        issuer="Acme, Inc.",
        name="EPS under a diluted heading",
    ),
    case(
        "Weighted-average common shares outstanding",
        ("Diluted",),
        IS,
        "WeightedAverageNumberOfDilutedSharesOutstanding",
        ("1,384", "1,391"),
        name="shares under a diluted heading",
    ),
    # A par value printed after the name is a particular, not part of the line item.
    case(
        "Common stock, $.01 par value: authorized 1,000,000,000 shares, issued and "
        "outstanding 379,087,524 and 453,803,759 shares",
        (),
        BS,
        "CommonStockValue",
        name="common stock with its par value and share counts",
    ),
    case("Ordinary shares of NIS 0 par value;", (), BS, "CommonStockValue"),
    case(
        "Equity", (), BS, "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"
    ),
    case("Sales to customers", (), IS, "RevenueFromContractWithCustomerExcludingAssessedTax"),
    case(
        "Income Available for Common Shareholders",
        (),
        IS,
        "NetIncomeLossAvailableToCommonStockholdersBasic",
    ),
]


def _columns(instant: bool, count: int) -> tuple[Column, ...]:
    if instant:
        periods = [Period(end=date(2024, 12, 31)), Period(end=date(2023, 12, 31))]
        headers = ["December 31, 2024", "December 31, 2023"]
    else:
        periods = [
            Period(start=date(2024, 10, 1), end=date(2024, 12, 31)),
            Period(start=date(2023, 10, 1), end=date(2023, 12, 31)),
        ]
        headers = ["Three Months Ended December 31, 2024", "Three Months Ended December 31, 2023"]
    return tuple(
        Column(position=i, header=headers[i], period=periods[i], currency="USD")
        for i in range(count)
    )


def map_case(item: Case) -> RowMapping:
    """Map one printed row, alone in a table of its statement kind, as the pipeline does."""
    numbers = [parse_number(v) for v in item.values]
    assert all(numbers), item.values
    instant = item.kind == BS or item.expected == "NetDebt"
    row = TableRow(
        label=item.label,
        sections=item.sections,
        cells=tuple(ValueCell(column=i, number=n) for i, n in enumerate(numbers)),
        line=12,
    )
    block = ColumnBlock(columns=_columns(instant, len(numbers)), rows=(row,), line=8)
    table = StatementTable(
        index=1,
        title=TITLES[item.kind],
        caption="(In millions, except per share amounts)",
        kind=item.kind,
        scale=Scale(money=6),
        blocks=(block,),
        line=1,
    )
    (mapping,) = map_tables((table,), load_taxonomy(), item.issuer).rows
    return mapping


@pytest.mark.parametrize("item", CASES)
def test_row_maps_to_expected_concept(item: Case) -> None:
    mapping = map_case(item)
    if item.expected is None:
        assert mapping.extension, f"{item.label!r} claimed {mapping.concept} ({mapping.matched!r})"
    else:
        assert not mapping.extension, f"{item.label!r} found no concept: {mapping.reason}"
        assert mapping.concept == item.expected, f"{item.label!r} matched {mapping.matched!r}"


def _map_with_lead(label: str, lead: str) -> RowMapping:
    numbers = [parse_number(v) for v in MONEY]
    row = TableRow(
        label=label,
        sections=(),
        cells=tuple(ValueCell(column=i, number=n) for i, n in enumerate(numbers)),
        line=12,
    )
    block = ColumnBlock(columns=_columns(False, len(numbers)), rows=(row,), line=8)
    table = StatementTable(
        index=2,
        title=TITLES[IS],
        caption="(In millions, except per share amounts)",
        lead=lead,
        kind=IS,
        scale=Scale(money=6),
        blocks=(block,),
        line=1,
    )
    (mapping,) = map_tables((table,), load_taxonomy(), None).rows
    return mapping


@pytest.mark.parametrize(
    ("label", "lead", "expected"),
    [
        ("Cost of revenues", "", "CostOfRevenue"),
        (
            "Cost of revenues",
            "(2) Amounts include stock-based compensation expense, as follows:",
            "ShareBasedCompensationCostOfRevenue",
        ),
        (
            "Research and development",
            "Share-based compensation expense was allocated as follows:",
            "ShareBasedCompensationResearchAndDevelopment",
        ),
        ("Research and development", "", "ResearchAndDevelopmentExpense"),
    ],
)
def test_the_sentence_introducing_a_table_says_what_its_rows_are(
    label: str, lead: str, expected: str
) -> None:
    assert _map_with_lead(label, lead).concept == expected


def test_the_table_covers_many_lines_and_negative_cases() -> None:
    assert len(CASES) >= 80
    assert sum(1 for c in CASES if c.values[0].expected is None) >= 8


# --- The taxonomy source --------------------------------------------------------------------


def _statement_files() -> dict[str, dict]:
    return {
        p.stem: tomllib.loads(p.read_text(encoding="utf-8"))
        for p in sorted(STATEMENTS_DIR.glob("*.toml"))
    }


def _statement_concepts() -> set[str]:
    """Names of the concepts defined in the statement files (not other taxonomy files)."""
    return {c["name"] for data in _statement_files().values() for c in data.get("concept", [])}


def test_every_concept_is_described_and_typed() -> None:
    taxonomy = load_taxonomy()
    for name in sorted(_statement_concepts()):
        concept = taxonomy.concepts[name]
        assert concept.label.strip(), name
        if concept.abstract:
            assert concept.balance is None and not concept.synonyms, name
            continue
        assert concept.documentation.strip(), f"{name} has no documentation"
        assert isinstance(concept.period, PeriodType), name
        if concept.type is not ConceptType.MONETARY:
            assert concept.balance is None, f"{name}: only monetary items carry a balance"
        assert name[0].isupper() and name.isalnum(), f"{name} is not a US-GAAP-style element name"


def test_every_statement_concept_is_presented() -> None:
    taxonomy = load_taxonomy()
    presented = {c for s in taxonomy.statements for c in taxonomy.statement_concepts(s.kind)}
    missing = sorted(_statement_concepts() - presented)
    assert not missing, f"concepts in no presentation tree: {missing}"


def test_calculation_arcs_respect_balance_and_period() -> None:
    """XBRL 2.1 5.1.1.2: equal balances add, opposite balances subtract; one period type."""
    taxonomy = load_taxonomy()
    for _, network in taxonomy.networks():
        for relation in network.relations:
            total = taxonomy.concepts[relation.total]
            assert total.type.numeric, relation.total
            for item_name, weight in relation.items:
                item = taxonomy.concepts[item_name]
                where = f"{network.role}: {relation.total} {weight:+d} {item_name}"
                assert item.period is total.period, where
                if total.balance and item.balance:
                    assert (total.balance is item.balance) == (weight > 0), where


def _texts(concept) -> list[tuple[str, ...]]:
    texts = [concept.label, *concept.synonyms, *concept.start_labels, *concept.end_labels]
    return [label_tokens(t) for t in texts]


def _told_apart(a, b, statements: dict[str, frozenset[str]]) -> bool:
    """Whether a row printing a wording both concepts claim can only fit one of them."""
    if a.within or b.within:
        return True
    instant = {a.period, b.period} == {PeriodType.INSTANT, PeriodType.DURATION}
    no_anchor = not any((c.start_labels or c.end_labels) for c in (a, b))
    if instant and no_anchor:
        return True
    # A GAAP line and its non-GAAP adjustment: the table's statement (whose presentation
    # holds one but not the other) decides.
    in_a = {kind for kind, names in statements.items() if a.name in names}
    in_b = {kind for kind, names in statements.items() if b.name in names}
    return bool(in_a) and bool(in_b) and not (in_a & in_b)


def test_no_wording_is_claimed_twice_without_context() -> None:
    taxonomy = load_taxonomy()
    statements = {s.kind: taxonomy.statement_concepts(s.kind) for s in taxonomy.statements}
    claims: dict[tuple[str, ...], list[str]] = {}
    # A structure choice's element shares its general concept's wording on purpose: the
    # rows are read against the general concept, then the choice renames them.
    chosen = {frozenset((choice.use, choice.concept)) for choice in taxonomy.choices}
    for concept in taxonomy.concepts.values():
        # Elements in force for some periods only are reached through choices, not labels.
        if concept.abstract or concept.in_force_from or concept.in_force_until:
            continue
        for tokens in set(_texts(concept)):
            claims.setdefault(tokens, []).append(concept.name)
    clashes = []
    for tokens, names in sorted(claims.items()):
        for a, b in combinations(sorted(names), 2):
            if frozenset((a, b)) in chosen:
                continue
            if not _told_apart(taxonomy.concepts[a], taxonomy.concepts[b], statements):
                clashes.append((" ".join(tokens), a, b))
    assert not clashes, clashes


def test_names_the_reference_lists_as_not_us_gaap_stay_out() -> None:
    """Names that look like US-GAAP but are not (shared/reference/us-gaap-names.md), except
    the two this taxonomy kept as its own concepts before that list existed."""
    not_us_gaap = {
        "LoansReceivableNetReportedAmount",
        "AccountsReceivableAndContractWithCustomerAssetNetCurrent",
        "ShareBasedPaymentArrangementExpense",
        "ProvisionForCreditLosses",
        "NetIncomeLossAttributableToParent",
        "IncomeTaxesPayableCurrent",
    }
    assert not not_us_gaap & set(load_taxonomy().concepts)


def test_monetary_concepts_without_balance_are_non_gaap_measures_or_adjustments() -> None:
    """A monetary concept without a balance may add expenses to income in a calculation;
    only non-GAAP measures and adjustments need that."""
    taxonomy = load_taxonomy()
    non_gaap = _statement_files()["non_gaap"]
    own = {c["name"] for c in non_gaap.get("concept", [])}
    # Elements the FASB defines without a balance (operating cash flow can be either).
    fasb = {
        "NetCashProvidedByUsedInOperatingActivities",
        "NetCashProvidedByUsedInOperatingActivitiesContinuingOperations",
    }
    for name in _statement_concepts():
        concept = taxonomy.concepts[name]
        if concept.type is ConceptType.MONETARY and concept.balance is None:
            assert name in own | fasb, f"{name} is monetary without a balance"


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("", "AmortizationOfIntangibleAssets"),
        (
            "The following is a per share reconciliation of GAAP diluted earnings per share:",
            "AmortizationOfIntangibleAssetsPerShare",
        ),
    ],
)
def test_a_per_share_lead_makes_small_amounts_per_share(lead: str, expected: str) -> None:
    numbers = [parse_number(v) for v in ("$0.47", "$0.40")]
    row = TableRow(
        label="Amortization of purchased intangibles",
        sections=("Plus",),
        cells=tuple(ValueCell(column=i, number=n) for i, n in enumerate(numbers)),
        line=12,
    )
    block = ColumnBlock(columns=_columns(False, 2), rows=(row,), line=8)
    table = StatementTable(
        index=2,
        title="",
        caption="",
        lead=lead,
        kind="other",
        scale=Scale(),
        blocks=(block,),
        line=1,
    )
    (mapping,) = map_tables((table,), load_taxonomy(), None).rows
    assert mapping.concept == expected


@pytest.mark.parametrize("header", ["% Change", "Percent Change", "Change (percent)"])
def test_a_change_column_headed_percent_is_a_percentage(header: str) -> None:
    """ "Percent Change" over "9.7": a rate of change (0.097), not 9.7 million dollars."""
    columns = (
        *_columns(False, 2),
        Column(
            position=2,
            header=header,
            period=Period(start=date(2024, 10, 1), end=date(2024, 12, 31)),
            currency="USD",
            change=True,
        ),
    )
    row = TableRow(
        label="Net sales",
        cells=tuple(
            ValueCell(column=i, number=parse_number(v))
            for i, v in enumerate(("24,746", "23,426", "5.6"))
        ),
        line=12,
    )
    block = ColumnBlock(columns=columns, rows=(row,), line=8)
    table = StatementTable(
        index=1,
        title=TITLES[IS],
        caption="(In millions)",
        kind=IS,
        scale=Scale(money=6),
        blocks=(block,),
        line=1,
    )
    mapping = map_tables((table,), load_taxonomy(), None)
    (row_mapping,) = mapping.rows
    (change,) = [c for column, c in row_mapping.overrides if column == 2]
    concept = next(c for c in mapping.extensions if c.name == change)
    assert concept.type is ConceptType.PERCENT


def test_a_row_printed_only_in_change_columns_is_mapped() -> None:
    """A growth table's row ("WW Currency (3.9)") has no value column: its cells are its
    change concept's, not numbers left without a fact; a change column printed with "%"
    elsewhere is a percentage in every row."""
    change = Column(
        position=0,
        header="Consumer",
        period=Period(start=date(2024, 10, 1), end=date(2024, 12, 31)),
        currency="USD",
        change=True,
    )
    rows = tuple(
        TableRow(
            label=label,
            cells=(ValueCell(column=0, number=parse_number(value)),),
            line=12 + i,
        )
        for i, (label, value) in enumerate((("WW As Reported", "7.4%"), ("WW Currency", "(3.9)")))
    )
    table = StatementTable(
        index=1,
        title="Segments",
        caption="",
        kind="other",
        scale=Scale(money=6),
        blocks=(ColumnBlock(columns=(change,), rows=rows, line=8),),
        line=1,
    )
    mapping = map_tables((table,), load_taxonomy(), None)
    types = {c.name: c.type for c in mapping.extensions}
    assert [types[dict(m.overrides)[0]] for m in mapping.rows] == [ConceptType.PERCENT] * 2


def _equity_table(totals: tuple[str, str, str]) -> StatementTable:
    columns = tuple(
        Column(
            position=i,
            header=str(year),
            period=Period(start=None, end=date(year, 12, 31)),
            currency="USD",
        )
        for i, year in enumerate((2024, 2023))
    )
    labels = ("Total Acme Corp. stockholders' equity", "Noncontrolling interests")
    printed = (("600", "500"), ("40", "30"))
    rows = [
        TableRow(
            label=label,
            cells=tuple(ValueCell(column=c, number=parse_number(v)) for c, v in enumerate(values)),
            line=20 + i,
        )
        for i, (label, values) in enumerate(zip(labels, printed, strict=True))
    ]
    rows.append(
        TableRow(
            label=totals[0],
            cells=tuple(
                ValueCell(column=c, number=parse_number(v)) for c, v in enumerate(totals[1:])
            ),
            line=22,
        )
    )
    return StatementTable(
        index=1,
        title="Consolidated Balance Sheets",
        caption="",
        kind="balance_sheet",
        scale=Scale(money=6),
        blocks=(ColumnBlock(columns=columns, rows=tuple(rows), line=18),),
        line=1,
    )


def test_a_total_named_like_a_row_above_it_is_the_total_its_sum_shows() -> None:
    """Parent's equity 600, noncontrolling interests 40, "Total stockholders' equity" 640:
    the label repeats the parent's words, the sum shows it is equity including
    noncontrolling interests."""
    mapping = map_tables(
        (_equity_table(("Total stockholders' equity", "640", "530")),),
        load_taxonomy(),
        "Acme Corp.",
    )
    assert [m.concept for m in mapping.rows] == [
        "StockholdersEquity",
        "MinorityInterest",
        "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest",
    ]


def test_a_total_that_is_not_the_sum_keeps_its_label_s_concept() -> None:
    mapping = map_tables(
        (_equity_table(("Total stockholders' equity", "641", "530")),),
        load_taxonomy(),
        "Acme Corp.",
    )
    assert mapping.rows[2].concept == "StockholdersEquity"
