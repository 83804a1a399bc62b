import '@servicenow/sdk/global'

declare global {
    namespace Now {
        namespace Internal {
            interface Keys extends KeysRegistry {
                explicit: {
                    ajax_execute: {
                        table: 'sys_security_acl'
                        id: 'fe053a76e4524b1982f3d8f1e861d197'
                    }
                    audit_read: {
                        table: 'sys_security_acl'
                        id: 'c2e243e18a884637b0a70fe6c3ad8855'
                    }
                    bom_json: {
                        table: 'sys_module'
                        id: '31c60ea30d484b49bc45fafa2a5adf1f'
                    }
                    ci_read: {
                        table: 'sys_security_acl'
                        id: '44c3a556286a47e092f5895dfd0934ab'
                    }
                    dictionary_read: {
                        table: 'sys_security_acl'
                        id: 'd0a82e8546484563b682a63a43d0782f'
                    }
                    group_member_read: {
                        table: 'sys_security_acl'
                        id: '6cfdd7d4cf3d4ae8a9e3b281aba485d1'
                    }
                    group_read: {
                        table: 'sys_security_acl'
                        id: '26314034645c40fa950a6b90d70c2466'
                    }
                    incident_accept: {
                        table: 'sys_ui_action'
                        id: '5a4b356fcb924e8b9b84dd7d2159b3a2'
                    }
                    incident_assign: {
                        table: 'sys_ui_action'
                        id: 'f5af23c8c7364b6e8640d3a91a317e64'
                    }
                    incident_escalate: {
                        table: 'sys_ui_action'
                        id: '2395975924e34dc9beaa70cc1f678bc4'
                    }
                    incident_integration_guard: {
                        table: 'sys_script'
                        id: '0b10aa349ddd42b3a95a0bdff5fc1527'
                    }
                    incident_panel_write: {
                        table: 'sys_security_acl'
                        id: '60c167f3f5b7425d8e00125af8a916f8'
                    }
                    incident_read: {
                        table: 'sys_security_acl'
                        id: 'c093fdc496e145d49c68547b6c06e927'
                    }
                    incident_reject: {
                        table: 'sys_ui_action'
                        id: '431cea3392964522913e3ef19a096f00'
                    }
                    incident_request_write: {
                        table: 'sys_security_acl'
                        id: 'b7d3ac96235847b592307c38439747dc'
                    }
                    incident_requested_by_write: {
                        table: 'sys_security_acl'
                        id: '0f358a26c2be4583837a458a49ca2bc9'
                    }
                    incident_review_write: {
                        table: 'sys_security_acl'
                        id: 'e4cbb3365aba4fad864d30a23e44c8ba'
                    }
                    incident_reviewed_by_write: {
                        table: 'sys_security_acl'
                        id: '3faef342dfce4118b4c50391744116cf'
                    }
                    incident_stamp: {
                        table: 'sys_script'
                        id: '38818a187269475dbf4b35a23fb437bc'
                    }
                    incident_status_write: {
                        table: 'sys_security_acl'
                        id: 'b761dbd5f8af45d9b90e0875b1eb1db1'
                    }
                    incident_write: {
                        table: 'sys_security_acl'
                        id: 'bdfdb4462c91440aa3bb87d12a1820cb'
                    }
                    journal_read: {
                        table: 'sys_security_acl'
                        id: '0072f7315d364b71a001df3d0772d449'
                    }
                    package_json: {
                        table: 'sys_module'
                        id: '57bd6dc74f774c4195c374c423f5553f'
                    }
                    rm_enhancement_accept: {
                        table: 'sys_ui_action'
                        id: 'f3f5aab5252c469f96f2b249be4b3a89'
                    }
                    rm_enhancement_assign: {
                        table: 'sys_ui_action'
                        id: 'f9d756bf5a4945428e5adf91e0d303e2'
                    }
                    rm_enhancement_escalate: {
                        table: 'sys_ui_action'
                        id: '5ae6a6f785264cf4b4b19a877c535822'
                    }
                    rm_enhancement_integration_guard: {
                        table: 'sys_script'
                        id: '8b1cc8236eb54d1f8b7851f7b88e47ab'
                    }
                    rm_enhancement_panel_write: {
                        table: 'sys_security_acl'
                        id: '1b4c35e2b2224c35b639979ccb33e140'
                    }
                    rm_enhancement_read: {
                        table: 'sys_security_acl'
                        id: 'a6f8aa7ad2904f69b9c951ea498a0b20'
                    }
                    rm_enhancement_reject: {
                        table: 'sys_ui_action'
                        id: '880ca49e799946379f4b740a776e7e0e'
                    }
                    rm_enhancement_request_write: {
                        table: 'sys_security_acl'
                        id: '0335daddc40048e2b9ea18b529d6a44f'
                    }
                    rm_enhancement_requested_by_write: {
                        table: 'sys_security_acl'
                        id: 'e33bf501c0b14e91aef1ca2798e00830'
                    }
                    rm_enhancement_review_write: {
                        table: 'sys_security_acl'
                        id: '2a5a78e0a08248c0b7ecc5e75f7de944'
                    }
                    rm_enhancement_reviewed_by_write: {
                        table: 'sys_security_acl'
                        id: 'adaab887787445a8b61eb7aaf0912a6e'
                    }
                    rm_enhancement_stamp: {
                        table: 'sys_script'
                        id: '01e1a2849e5b49db83aa763e1ce6f6d0'
                    }
                    rm_enhancement_status_write: {
                        table: 'sys_security_acl'
                        id: '91e3c3b24d4c4ee18463241c3af9313e'
                    }
                    rm_enhancement_write: {
                        table: 'sys_security_acl'
                        id: '43ec19123aa942739a6843c498d92566'
                    }
                    sc_req_item_accept: {
                        table: 'sys_ui_action'
                        id: '92647f265a2c46d58c9e667f899e3ac6'
                    }
                    sc_req_item_assign: {
                        table: 'sys_ui_action'
                        id: '3a0dad98bdc541d0823f2ec68ab6b971'
                    }
                    sc_req_item_escalate: {
                        table: 'sys_ui_action'
                        id: 'ae1ff1512c624e4d8030953f6330d653'
                    }
                    sc_req_item_integration_guard: {
                        table: 'sys_script'
                        id: 'f5cc06dd749145aa8d88d8d339c77fc6'
                    }
                    sc_req_item_panel_write: {
                        table: 'sys_security_acl'
                        id: 'aa897c888d26494a822b3442a6e1c634'
                    }
                    sc_req_item_read: {
                        table: 'sys_security_acl'
                        id: 'd1b6f9d199454837a6e3841315ede495'
                    }
                    sc_req_item_reject: {
                        table: 'sys_ui_action'
                        id: 'f801c5ddc4194b28af8964d6992e1ef9'
                    }
                    sc_req_item_request_write: {
                        table: 'sys_security_acl'
                        id: '943877fd9e334653bfde9b0b53201a3a'
                    }
                    sc_req_item_requested_by_write: {
                        table: 'sys_security_acl'
                        id: '39f890ed9fd24c06b9f86f7c6c4ac956'
                    }
                    sc_req_item_review_write: {
                        table: 'sys_security_acl'
                        id: '5418695009d34693948ba6c86c6f26d0'
                    }
                    sc_req_item_reviewed_by_write: {
                        table: 'sys_security_acl'
                        id: 'a71ba70f50e447b783df319552c5858e'
                    }
                    sc_req_item_stamp: {
                        table: 'sys_script'
                        id: '2d1430282a2949ea98a6f46fa2d7516c'
                    }
                    sc_req_item_status_write: {
                        table: 'sys_security_acl'
                        id: 'ef700c61c00e4544a26f33c86c776081'
                    }
                    sc_req_item_write: {
                        table: 'sys_security_acl'
                        id: '5ba7223bf22a4aec9f57126386357bce'
                    }
                    sc_request_accept: {
                        table: 'sys_ui_action'
                        id: '4898f288f36646308a855aafe3b5abfd'
                    }
                    sc_request_assign: {
                        table: 'sys_ui_action'
                        id: 'ab13b098b7ab4c4ca9a6248d75119fad'
                    }
                    sc_request_escalate: {
                        table: 'sys_ui_action'
                        id: '183bf2409df7431cb4a99d48bdbb1583'
                    }
                    sc_request_integration_guard: {
                        table: 'sys_script'
                        id: 'f60067781aa94bec9ddf7f5d540d344d'
                    }
                    sc_request_panel_write: {
                        table: 'sys_security_acl'
                        id: '1729b7baaa23448e93f4cebef1f37e02'
                    }
                    sc_request_read: {
                        table: 'sys_security_acl'
                        id: '698722891e194f07b0eae47dfc723052'
                    }
                    sc_request_reject: {
                        table: 'sys_ui_action'
                        id: '9861afc0cfec40d7952f1cd5d96548bd'
                    }
                    sc_request_request_write: {
                        table: 'sys_security_acl'
                        id: '92901bd0233e4d7f970b4178e825b586'
                    }
                    sc_request_requested_by_write: {
                        table: 'sys_security_acl'
                        id: 'd45c6be0203f4065b9c54d48548637bb'
                    }
                    sc_request_review_write: {
                        table: 'sys_security_acl'
                        id: '7e57d8beaf6f457da8ae566975b21bde'
                    }
                    sc_request_reviewed_by_write: {
                        table: 'sys_security_acl'
                        id: '5c89d4832d694d3da2adb2c1098296e7'
                    }
                    sc_request_stamp: {
                        table: 'sys_script'
                        id: 'e638815e15c049a282cf86e070c6f158'
                    }
                    sc_request_status_write: {
                        table: 'sys_security_acl'
                        id: '26ce76d9ca994bec892b5e777ff07883'
                    }
                    sc_request_write: {
                        table: 'sys_security_acl'
                        id: '4489b38350484490bdbeee0b06c17d06'
                    }
                    script_include_ajax: {
                        table: 'sys_script_include'
                        id: '92fbbfaec6754dc48544e4f90af5224f'
                    }
                    script_include_scope_review: {
                        table: 'sys_script_include'
                        id: 'c63a87f5a1fb43bf9347cf01707429b7'
                    }
                    script_include_server: {
                        table: 'sys_script_include'
                        id: 'e0feb89aab2f4f9984d5c70f1cdd13dd'
                    }
                    sn_si_incident_accept: {
                        table: 'sys_ui_action'
                        id: '862585fea71c425b83b1e53848cca76c'
                    }
                    sn_si_incident_assign: {
                        table: 'sys_ui_action'
                        id: '2504e7fb7e614aa098dca69bf7913623'
                    }
                    sn_si_incident_escalate: {
                        table: 'sys_ui_action'
                        id: '150d02e2956547b796219e82ed81d3a1'
                    }
                    sn_si_incident_integration_guard: {
                        table: 'sys_script'
                        id: '537dad2414f4427f96f34648e8487279'
                    }
                    sn_si_incident_panel_write: {
                        table: 'sys_security_acl'
                        id: 'f9a99a9bfa8b4ef0bc1db4c87f1e8bf8'
                    }
                    sn_si_incident_read: {
                        table: 'sys_security_acl'
                        id: 'f40bbebeeb924272b0a2d25b4ac00633'
                    }
                    sn_si_incident_reject: {
                        table: 'sys_ui_action'
                        id: '17ba767d81de464684fa0ad963cb7100'
                    }
                    sn_si_incident_request_write: {
                        table: 'sys_security_acl'
                        id: 'b26a795c1eb84fb090794e65cff14a47'
                    }
                    sn_si_incident_requested_by_write: {
                        table: 'sys_security_acl'
                        id: '094c05f755284cedb215e60d4867d8cd'
                    }
                    sn_si_incident_review_write: {
                        table: 'sys_security_acl'
                        id: '7910be95ec8141a2b4a1d68dd9f9029e'
                    }
                    sn_si_incident_reviewed_by_write: {
                        table: 'sys_security_acl'
                        id: 'af97adef35054658b31d08b929df2531'
                    }
                    sn_si_incident_stamp: {
                        table: 'sys_script'
                        id: '9c981ca62f7d4a22a23eba937759c00d'
                    }
                    sn_si_incident_status_write: {
                        table: 'sys_security_acl'
                        id: '9e4b2d3f6da04ce3b0c2136e4250f401'
                    }
                    sn_si_incident_write: {
                        table: 'sys_security_acl'
                        id: 'dd84d46bec5d43fa8f1f1930501e4a99'
                    }
                    ui_script_dialog: {
                        table: 'sys_ui_script'
                        id: '5b0e1f314f774d40a285d5528be0e31c'
                    }
                    ui_script_scope_review: {
                        table: 'sys_ui_script'
                        id: '3bfb4f2285ee427daa7b667b5e29c1ff'
                    }
                    user_read: {
                        table: 'sys_security_acl'
                        id: '447afd791c4c471aa0cfd6e712473218'
                    }
                }
                composite: [
                    {
                        table: 'sys_ui_action_role'
                        id: '00796386787d49c29ea6adef159e4df6'
                        key: {
                            sys_ui_action: '2504e7fb7e614aa098dca69bf7913623'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '038d41b3ac2e415d95de6ecae0d7c290'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'internal'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '03c651e60df24a0d83e1b2827af759c1'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'public'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '04f0aeb6ae2444a382abd1b4ea3f9f8b'
                        key: {
                            sys_security_acl: 'b761dbd5f8af45d9b90e0875b1eb1db1'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '06e41bf6e5f243e7b188e3ef23377cdd'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_request'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0741d514203844f5a9c68200949a856e'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '07a4bf5cba064d83b2c069ac571f5b07'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'running'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '08d4ff5674524fd691c390270358c5d0'
                        key: {
                            sys_ui_action: 'ae1ff1512c624e4d8030953f6330d653'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0998fea87aa04b8fac17f4fb8711e42f'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_panel'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '0c1f1ab6264c46d7aed01f7f75ce1550'
                        key: {
                            sys_security_acl: 'fe053a76e4524b1982f3d8f1e861d197'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '0cc22a2e242f46fa8f0a0be77b15aefc'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'internal'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '0d6199b8ac6a4943af6a06be0e233d69'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'eligible'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '0deca9756e1f41a49de9982ba2a3ff4f'
                        key: {
                            sys_ui_action: '5a4b356fcb924e8b9b84dd7d2159b3a2'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1104d5df585747ea9616567ea3d88c39'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_reviewed_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '132077264d5a4e4ba825c2ded7bc68ec'
                        key: {
                            sys_ui_action: '92647f265a2c46d58c9e667f899e3ac6'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '135f73516b2245629ac9c53f6a5ad571'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_requested_by'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '151c844853b54236b0e10b3cdc36c69b'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'none'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '15c84ca46ab64a4b92032e2e6154459f'
                        key: {
                            sys_security_acl: 'f40bbebeeb924272b0a2d25b4ac00633'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '161f22191cbd4a7095d4cd73e3b770bb'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '163fa785a4924de3a71c7aa91493e4c4'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '1753f9cd2e624063a748c6dc841cb40c'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'restricted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '1a980908f1914ed79062cb595d636318'
                        key: {
                            sys_ui_action: '3a0dad98bdc541d0823f2ec68ab6b971'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1f37d3d454294eba93b6bd35a37352b7'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_panel'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1ff7924995584dd8a501dbb92411bfb4'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_review'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '207164843c4f4e33be3ac71b744d0f1c'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_reviewed_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '2130a26776734f1db4b29ea061bd9b37'
                        key: {
                            sys_ui_action: '2395975924e34dc9beaa70cc1f678bc4'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2254b4ab9ecc42e2a7b5b842e582f42c'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'blocked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '236b5e19e1074693bfaf2ff7f4b032f7'
                        key: {
                            sys_security_acl: '5418695009d34693948ba6c86c6f26d0'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '2377f74700844ddabcd90413dfad0ed8'
                        key: {
                            name: 'rm_enhancement'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '2392a396061545ae8d0ef77ad5af5f0e'
                        key: {
                            sys_security_acl: 'aa897c888d26494a822b3442a6e1c634'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '246cc10c70b8439281f020f972567df2'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '27f362708baf4e438625d6005e403a65'
                        key: {
                            sys_security_acl: 'b26a795c1eb84fb090794e65cff14a47'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '2835f630981b442a97d3b48c63718105'
                        key: {
                            sys_security_acl: 'd0a82e8546484563b682a63a43d0782f'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '2878a61d01f94379903299c56e17248c'
                        key: {
                            name: 'rm_enhancement'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '293fed95715c42ff91ec6159b62f502e'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'blocked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '29e68c36306d43fdbf9c4dbc04431845'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'public'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2b62f921694c4d30a4c3fd932bbfb90b'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_reviewed_by'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2c136f6a83e94cd1b499e876e7a3f0db'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2c1f53df41484e9c9f2933753ea8915b'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2fd8cfd9fc9c47228824a8c2054e0e43'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '31cfcd6b43204370881811bd0b4e326e'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '31d17bc4e410481ba38f9f7c38b59bc0'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '32301b38ec2542ad8df7c1b79a70daea'
                        key: {
                            sys_security_acl: '0335daddc40048e2b9ea18b529d6a44f'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '336445f039964b179995799f6139b7f7'
                        key: {
                            sys_ui_action: '880ca49e799946379f4b740a776e7e0e'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '33a5322370b14143a59adfbac8724324'
                        key: {
                            sys_security_acl: '2a5a78e0a08248c0b7ecc5e75f7de944'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '33f0b3dcc3f349c29af0cdd99a9ff6fe'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '34a34c290f034a1ca5576802c44b3356'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'escalated'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '355249d1062d47cc80f00a3d1a57978e'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '35ad31514951483cba7e23992c21387d'
                        key: {
                            name: 'x_acme_aihandoff.integration'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '36c786efa95e45aaace4ff86501c54fe'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '36fe727735534d5ebd08e66d79b35fe4'
                        key: {
                            sys_ui_action: '880ca49e799946379f4b740a776e7e0e'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '37c6785f0f6a4d238e3957e61c0a2c8c'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3914654ff5744d31a6d93f145f0442c6'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_reviewed_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '3a692a7a82924241b8870ed2228498d7'
                        key: {
                            name: 'x_acme_aihandoff.reviewer'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '3adf31648a0b4eb28d7815f8414ebc6d'
                        key: {
                            sys_security_acl: '43ec19123aa942739a6843c498d92566'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3df283b1282a4b299450b3853de1eb35'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3ea540b0cfc748e7afac08c66541c08c'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'public'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3eb78a2b34a44964b34acefdb6df0528'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_panel'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '3fa2222c267049e79648a45b3a05b466'
                        key: {
                            sys_security_acl: '26314034645c40fa950a6b90d70c2466'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3fde66cef81b4edb89f96dec6242be80'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'restricted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '42aaa8d55a2946dabdbdf61db2a344f0'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '434e13a6127d41ce8c190bb08cf508f5'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'eligible'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '45020f9c52364be5a3a2daaa1d953ff6'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_requested_by'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '459518325b044f50b1eb2e4b3402e577'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_request'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '45fad171901b4ede91bbd9b0101fa5de'
                        key: {
                            sys_security_acl: 'ef700c61c00e4544a26f33c86c776081'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '473ce31273424b098813aa827fcbb993'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_reviewed_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '4865d533285e4b2589c9b875dfef798e'
                        key: {
                            sys_security_acl: '60c167f3f5b7425d8e00125af8a916f8'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4a329c84cbeb4df992403a510331e618'
                        key: {
                            name: 'incident'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '4e83e18f16fb421893e259ece5b808c7'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'none'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '520d881ab67245be8df259d0d961aa8f'
                        key: {
                            name: 'x_acme_aihandoff.agent'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5217645f8548485b8c4cc94883d3176a'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'expired'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '529256ab54eb4397b25994b58ad49d15'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'accepted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5426e7fa3e484af3abd4d30f278bc3fb'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_review'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '54bb3bd540e5431bae0ed9727e5cf0b4'
                        key: {
                            sys_ui_action: '183bf2409df7431cb4a99d48bdbb1583'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '55050f97fae64b918c12324530334c34'
                        key: {
                            sys_ui_action: 'f5af23c8c7364b6e8640d3a91a317e64'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '56155d71d75c4aa2b7d2c66bbc480ccd'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'accepted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '579873c182ee4f77ac308fe75de7965c'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'internal'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5b104a076ae84b2ab89017810e579323'
                        key: {
                            sys_security_acl: '92901bd0233e4d7f970b4178e825b586'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5b2f5f7578224cad9317218327bd6002'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'awaiting_review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5d10d33a6856456c9465eb21e3d52b91'
                        key: {
                            name: 'rm_enhancement'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5e6735d149ec45c9a85c260f212b7f85'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'escalated'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '5e9415ac643145fcad5857ff29eee0ab'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '621b4147b48b43bd99e18650b4e8ff80'
                        key: {
                            sys_security_acl: '26ce76d9ca994bec892b5e777ff07883'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '62524084fbad4962b476c19586d30449'
                        key: {
                            sys_ui_action: '150d02e2956547b796219e82ed81d3a1'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '654be5cfd1b548dc98fd7ba213c1985d'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_review'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '6592de69711e4b58a44b8d6b48c29e64'
                        key: {
                            sys_security_acl: '447afd791c4c471aa0cfd6e712473218'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '669fe9b8c01b4ae1a70fbbf8e7ccff67'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '66c3c0c9cea3492596c2c79fd0a843e8'
                        key: {
                            sys_security_acl: 'c093fdc496e145d49c68547b6c06e927'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '66db323a249842e487f7b0330836665f'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '66ea61e1a30b4554929742f7b1d5013b'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'escalated'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '677eb95db0cb46bbb01301aefd506232'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_reviewed_by'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '6840a94b329445ed91878651101b4bfc'
                        key: {
                            sys_ui_action: '2395975924e34dc9beaa70cc1f678bc4'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '691dc2888d114246bd474f673f024620'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'restricted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '69a3df41dfeb48db82f6bb66e461968d'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'confidential'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '6ac7696beb34437f8c92da7474419336'
                        key: {
                            name: 'incident'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '6e6492495c03446ea36926ef8bfa6dd3'
                        key: {
                            sys_ui_action: '92647f265a2c46d58c9e667f899e3ac6'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '6ebf80f6c3b34b13a26fae404c66c50a'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'running'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7257d7c1b0904c18b713b744836d54f4'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_review'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '72a0a60b6a36424abfcb66902aa62656'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '738e36a2a0eb4da6a46e87a7d2ea9438'
                        key: {
                            sys_security_acl: 'c2e243e18a884637b0a70fe6c3ad8855'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '74492999337648f3b938c515cde21a76'
                        key: {
                            name: 'sc_req_item'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '74fad6a8cce144b79965e86b2ff6341b'
                        key: {
                            sys_ui_action: '9861afc0cfec40d7952f1cd5d96548bd'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7564b4ee9a174031a42fb7ce0aef675b'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_panel'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '75870e3ad77046629cede6b4df9dc067'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '76db4fca293a4925bce380ebedcb67f1'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_request'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '78c35ea86e2b4628aa5b1366ced00d8b'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_reviewed_by'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '7a06232b29bf4c05b79fd634ee3b5824'
                        key: {
                            sys_ui_action: '17ba767d81de464684fa0ad963cb7100'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7a0a6ff4f76f4fefabd4a9635c826a70'
                        key: {
                            sys_security_acl: '943877fd9e334653bfde9b0b53201a3a'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7abaeb82aa7645d095469de1880e1ea8'
                        key: {
                            sys_security_acl: '0072f7315d364b71a001df3d0772d449'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7b6d5dde63374030b9d6ad984c9bdcb1'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7bed6799db414f7292df51767cc31636'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'confidential'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7c7e799bb076426098500a2103b540a2'
                        key: {
                            sys_security_acl: '1729b7baaa23448e93f4cebef1f37e02'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7dd59b12b092446095aba26f37decb61'
                        key: {
                            sys_security_acl: '44c3a556286a47e092f5895dfd0934ab'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '7e44359485f6451794cb46af3d7749cd'
                        key: {
                            name: 'sn_si_incident'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7efaab1720324d189044ac6177682114'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'accepted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7eff68817f03416ba227fdd8d0d4a883'
                        key: {
                            sys_security_acl: '4489b38350484490bdbeee0b06c17d06'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7f12738839224bd5a8e442be838600e1'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '812f7f291b9146d0b0b8ee21c466ae63'
                        key: {
                            sys_ui_action: '431cea3392964522913e3ef19a096f00'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8172e83dc9034433b1fc6b74e697a769'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'expired'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '818e153c5e1f42e4b16b5f6c06abe812'
                        key: {
                            sys_security_acl: 'b7d3ac96235847b592307c38439747dc'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '82bbac68c54d4df5b676fedd43bd1822'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_panel'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '82bcfa1190e54f7f9716d94d62f5e4a9'
                        key: {
                            name: 'sn_si_incident'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8330f0b2a1594071961222d8123d0970'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_request'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '845094c7203a4f278503868c561bf4e5'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_requested_by'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '84d9ca34c24b4c58b2b8cd715179ea5c'
                        key: {
                            name: 'sn_si_incident'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '84e927fb1b994ba484e988ffd47f22d6'
                        key: {
                            sys_ui_action: 'f801c5ddc4194b28af8964d6992e1ef9'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '850931847833448c99746b42f4b7c227'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '89918a4d31bf46b0ba136d9ccbcf0e7c'
                        key: {
                            sys_ui_action: '4898f288f36646308a855aafe3b5abfd'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8aa8af86cc2f469d927f7ed85dc8c085'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'awaiting_review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8ac48cc540d741adbfc9f5a5ebc57569'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8b038fd2086b4d9c960c55f32675081f'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'escalated'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8b1822d5e943425dac4893c97c340ce2'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_reviewed_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8bdce27aa2f94bc6be4c732de67fe675'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8c3057ab4bf94ab493a1a81922f0892f'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'blocked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8c49ec9f3313457491ef27b9f5a92db3'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'confidential'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8d8c4c5e1c2247079e5758ffa0fce660'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'eligible'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8de54cd8b8fa47a195cef3bc4fb84ca9'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'blocked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8e4f67d03eaa4a57b6f28c1bbb7cf826'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_panel'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8f81058966b94dbc80850c3fbd61cd50'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'none'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '8fd35bb44eb94a998b6e16b4192dc1fb'
                        key: {
                            sys_ui_action: 'ae1ff1512c624e4d8030953f6330d653'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8fe0793cf1404f2ab15cf431dfe5f033'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '90661348832746708e66f61a0c142d8b'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_request'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '90e7f394aef74ec989507449e0aaf39c'
                        key: {
                            sys_ui_action: '4898f288f36646308a855aafe3b5abfd'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '917e2e464a114e6cab52f0edf09eea9b'
                        key: {
                            sys_security_acl: '6cfdd7d4cf3d4ae8a9e3b281aba485d1'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '9309759bc0d54bd9a48afc658eae146b'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '9472b27410774293aeeb74926cefd8c1'
                        key: {
                            sys_ui_action: 'f3f5aab5252c469f96f2b249be4b3a89'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '9882153081c74165a2cba70dc5ad4d2d'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'public'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '9a1455455bc04fd5b44354a62a593cbe'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'escalated'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '9dc242a25b90404cbef0f88ad080cab9'
                        key: {
                            sys_security_acl: 'a6f8aa7ad2904f69b9c951ea498a0b20'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '9e10af0ac151472aa2e2fc2684a1e827'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'none'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '9f7924a11b2f4df6a807efb4150995ee'
                        key: {
                            sys_ui_action: '5ae6a6f785264cf4b4b19a877c535822'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '9f81f4b76d604a9399229312e69e2a8e'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'running'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a0484fddd1ce4b7983dd26a2252d9a1f'
                        key: {
                            sys_security_acl: 'fe053a76e4524b1982f3d8f1e861d197'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'a0beeb5e1c9743c8a4c6e3df4847a0d0'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'restricted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a2288e79a104494b88b64d0771832711'
                        key: {
                            name: 'sc_request'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a2832dbdc86946aa91e5dad127743832'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a3a9a47f0df349b789e61d84853a6f34'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_request'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a3dbb53edb91460185017701090cf1d2'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_reviewed_by'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a59bff3419e34e2bab1ca0a839b84468'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_panel'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a5c3ecc97d6b4dae82b55c9e3665629c'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a5c3fbc2807c402882e6acec93468673'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a6483e8d69ab435ab555323beb06d752'
                        key: {
                            sys_security_acl: 'bdfdb4462c91440aa3bb87d12a1820cb'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a98ae4591324400f9ae1933024c5113b'
                        key: {
                            sys_security_acl: '91e3c3b24d4c4ee18463241c3af9313e'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ac9de6df4825419db9a9ac2db87e55fb'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'running'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'ad4d83198af14758b54dca7fc8471cec'
                        key: {
                            sys_security_acl: 'e4cbb3365aba4fad864d30a23e44c8ba'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'af945eb7d8544d9ab0b9904c44760dd7'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'none'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'afba2d3b4034496284afaeb23d73fef9'
                        key: {
                            sys_ui_action: 'ab13b098b7ab4c4ca9a6248d75119fad'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'b28d69be23a846219f7df8bb324db1b0'
                        key: {
                            sys_ui_action: '183bf2409df7431cb4a99d48bdbb1583'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b3e89d20a63f4cbfa103ca2c06900071'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_request'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b4bcdfad73a346a5b4c17e3081721e07'
                        key: {
                            sys_security_acl: '698722891e194f07b0eae47dfc723052'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b4fcbd2296ee4ac98a3811e6be214e55'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'confidential'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b77e6bb38924411b9742dc12048ff434'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'blocked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'b855beaf2e99497ba2493f7f445c7ee4'
                        key: {
                            sys_ui_action: '150d02e2956547b796219e82ed81d3a1'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b897a672aa0449f1a3a9f1eead698b0f'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'internal'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b96d714f870d4f23aa242a0fde4fc722'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'public'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'ba1862d391ba4fcaac8d7acef70ca68a'
                        key: {
                            sys_ui_action: '862585fea71c425b83b1e53848cca76c'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'bbb9efd1b21f40f99c15845c8b8e1236'
                        key: {
                            sys_security_acl: 'd1b6f9d199454837a6e3841315ede495'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'bd5cf088f27b4b6aa4a0f01a715cc9d2'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'running'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'be4777b7480c4bb497b5ec35d154c1f1'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_request'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'c2bcea85c0ce42429f65e62928d0ae0a'
                        key: {
                            sys_ui_action: '862585fea71c425b83b1e53848cca76c'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'c2ed00cc98f644d0a1c9548a8bc3319e'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'internal'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'c32692304b2c4f0a9b59a0392d908b8f'
                        key: {
                            sys_ui_action: '431cea3392964522913e3ef19a096f00'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c5e9802026f14213987a2124100cd4ed'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_review'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'c648029bc876445f8fd20f9c07200814'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c6a63486e30a41c6851e7a04f8f8a397'
                        key: {
                            sys_security_acl: '1b4c35e2b2224c35b639979ccb33e140'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'c769d50ed2a1438080866b37a7719607'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'expired'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c7980241920c4398a44725dcb49b3c98'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_review'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c88f733a21374ed38287127a2837bf9c'
                        key: {
                            sys_security_acl: 'f9a99a9bfa8b4ef0bc1db4c87f1e8bf8'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c8b2f6f139f943ab902afea36a495c36'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_panel'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: 'c8eeda806e054e1182ab4398130ce34b'
                        key: {
                            name: 'sc_request'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c99b827dba5048139d7a49509b518a15'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_request'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cde21b87246b4498af5c18987c924231'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ce611bb03f6f4e36874f7616aa5dbb2f'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'accepted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ced184d75dc7466b96a766f3977e465d'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd13edf895ec14bd99e30a42e90b38f20'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_review'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'd158cc31f3304b8e8bd201d2b87aa9ce'
                        key: {
                            sys_ui_action: '5ae6a6f785264cf4b4b19a877c535822'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd46654849624425daca113b83e8b27bf'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'eligible'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'd543be610bc14ba69e09f1ec362896ae'
                        key: {
                            name: 'sc_request'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd57b150774a44dfa8d348ade78b7edc7'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'restricted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd59016d987e54bdbba51c6257c370291'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd6bde26cfce746b2baa54501344ea162'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_review'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd6e8bc87a55e4e8e9e9aac90984940f7'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd746b78be1264623860f0eb1970040b6'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_review'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd7797c73bd24451ab76a410995d264b9'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd823010366f5499e8b3c3cbac479e962'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'da3a1c24695649469c92712e8c98a677'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'da61470b026843288e3ec91e4053070d'
                        key: {
                            name: 'sc_req_item'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'dbf037de5c9d4021be4dcdf2e4306c85'
                        key: {
                            sys_ui_action: 'f3f5aab5252c469f96f2b249be4b3a89'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e08627c55b4c432b9ede8c4328d8a671'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e0f3d421cdfd4a32bc2f9b0684dc3cbe'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'awaiting_review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'e123ff0dd7884dc6b09cb6fa1f4c4dbd'
                        key: {
                            sys_ui_action: '9861afc0cfec40d7952f1cd5d96548bd'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e29dcc13b3454180be04d3d73c33ae03'
                        key: {
                            sys_security_acl: 'dd84d46bec5d43fa8f1f1930501e4a99'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e2ba1de7a1ec49c7a3aafe4e8f4394eb'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_panel'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'e36dc3a87ebf4c799889540c3e83db16'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e39f7e3ee4904098b25a9ba5e0ff24aa'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_reviewed_by'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e436769d9bb54679aa73261304959141'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e4b9327081b34377914489cdcca54589'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'awaiting_review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'e6276915e2264946b9183134de3f639d'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e62f0bb8bf264638b58a2a1b0446f24e'
                        key: {
                            sys_security_acl: '7910be95ec8141a2b4a1d68dd9f9029e'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e71058479cca4345978ff75a0217f7c2'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_panel'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'e8602d094e5e4bea8e664fcf676f8ccf'
                        key: {
                            sys_ui_action: '5a4b356fcb924e8b9b84dd7d2159b3a2'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e8da02f2589745239111506296b92488'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'awaiting_review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e9cde838a555499aa25a1eaf97deb9b5'
                        key: {
                            sys_security_acl: '9e4b2d3f6da04ce3b0c2136e4250f401'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'eacf462937624d29b48c4344bf7911e7'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'eb91761e75454b5db510654f8d8ca4bc'
                        key: {
                            name: 'sc_req_item'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ebb6c33faa39422ba639fe99aefa0fc8'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'ec8a07d0bd65434787b179ecd0fac782'
                        key: {
                            name: 'incident'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ed3fdc5a4df0436ba9897c2d16911efe'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_review'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'ed7d4b12e744479cb4a681a62af06342'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ee7c4d54c4be4cbc9156583a8339a92b'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_request'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'f0f3949eb0614f4898f5afbae9eb78c6'
                        key: {
                            sys_ui_action: 'f801c5ddc4194b28af8964d6992e1ef9'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f2620c8d7b2942248b2f880b0ca11f33'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'accepted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'f27d97795dcc412a8e4ce3002a1f4ca0'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f2f13c61bac64d53a013857365082a90'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f57c4ec8108441aca3c8b2a12b4b7c3e'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'f75c9db49fc648738e98c97016de4047'
                        key: {
                            sys_security_acl: '7e57d8beaf6f457da8ae566975b21bde'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f89300b31d434c2da18ed9deb1567dc0'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'expired'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f95ab6ec70ae4ffdb3046c4f36cf361e'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_requested_by'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'fb2fd880608f4339b38e8cde70ceaed4'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_requested_by'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fbae670377db48f3b299dfd4cbb335ef'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'expired'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'fc1bd2e8ac2748f08760f93897b10468'
                        key: {
                            sys_ui_action: '17ba767d81de464684fa0ad963cb7100'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'fc67e8f2f44b4b9b96610de95f800918'
                        key: {
                            sys_security_acl: '5ba7223bf22a4aec9f57126386357bce'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fcd67fa70ede449e849b66dc704506f5'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'confidential'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fdb7b8aa85764dbd82cdd5f1653729f7'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fe505403b7cd46afbf7f4ff3e2c6a2e7'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'eligible'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'ff200f2ee01444e290634e1dfd24a4bf'
                        key: {
                            sys_ui_action: 'f9d756bf5a4945428e5adf91e0d303e2'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ff3196145a514b93904a4e520d881597'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                ]
            }
        }
    }
}
