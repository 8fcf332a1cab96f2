Attribute VB_Name = "PlanMarketing"
' Plan Marketing ribbon callback (planmkg_xl). Every button of the
' "Plan Marketing" tab calls this one Sub with its control id; Python
' (planmkg_xl.excel.ribbon.on_ribbon) decides what the id means.
' IRibbonControl comes from the Office type library, which the project
' references (as xlwings' own ribbon add-in does).
Option Explicit

Public Sub PlanMkgRibbon(control As IRibbonControl)
    RunPython "import planmkg_xl.excel.ribbon as x; x.on_ribbon('" & control.Id & "')"
End Sub
