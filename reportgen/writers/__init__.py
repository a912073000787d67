"""Writers: plans, chart files and the theme in; .docx and .pptx out. They never parse articles."""
