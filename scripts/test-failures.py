"""Prints each failed test of the given .trx files with its message and the top of its stack trace."""
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"

for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iter(NS + "UnitTestResult"):
        if result.get("outcome") != "Failed":
            continue
        print(f"FAILED {result.get('testName')}")
        for tag in ("Message", "StackTrace"):
            for node in result.iter(NS + tag):
                lines = (node.text or "").strip().splitlines()
                print("\n".join("    " + line for line in lines[:12]))
